package org.commonground.translation;

import java.util.Map;
import java.util.Optional;
import org.commonground.web.Language;

/**
 * Which statements a reader sees, and in which text: the one rule for the participant's next
 * statement, their earlier votes, the report and its downloads. Only accepted statements are shown
 * (moderation is authoritative: a pending or rejected one, and every translation of it, is for
 * moderators only); each in an approved human translation first, then an approved machine one (the
 * newest of a kind), else the original.
 */
public interface ShownStatements {

    /**
     * A statement as shown. {@code translation} is {@code human}, {@code machine} or
     * {@code original}; the original text and language are kept for "show original";
     * {@code service} names the machine translation service, null otherwise.
     */
    public record Shown(
            long id,
            String text,
            String lang,
            String originalText,
            String originalLang,
            String translation,
            String service) {
        public boolean translated() {
            return !"original".equals(translation);
        }
    }

    /** Every accepted statement of the conversation as the reader sees it, by id: one query for a whole page. */
    Map<Long, Shown> all(long conversationId, Language reader);

    /** One statement as a reader of {@code lang} sees it; empty unless it is accepted. */
    Optional<Shown> one(long statementId, Language reader);
}
