package org.commonground.conversation;

import java.util.Collection;
import java.util.Map;
import org.commonground.web.Language;

/**
 * What the management page needs of the translation feature, which sits above this one: the
 * translations readers see of the seeds, and word that a seed was reworded, so translations of its
 * old words stop being shown (machine translation, if on, translates the new words again).
 */
public interface SeedTranslations {
    /** Per statement id, the approved translation shown to each language's readers; absent when none. */
    Map<Long, Map<Language, String>> shown(Collection<Long> statementIds);

    /** The statement's text changed: its translations (proposed or approved) no longer say the same. */
    void outdated(long conversationId, long statementId);
}
