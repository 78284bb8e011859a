package org.commonground.conversation;

import java.util.Map;
import org.commonground.web.Language;

/**
 * A seed statement on the management page.
 *
 * @param translations the translation each other language's readers see (absent: not translated yet)
 * @param voted        someone voted on it: it can no longer be edited or withdrawn
 */
public record StandingSeed(Seeding.Seed seed, Map<Language, String> translations, boolean voted) {}
