package org.commonground.moderation;

import java.util.List;
import java.util.Map;
import org.commonground.statement.QueueItem;
import org.commonground.translation.Translations;

/**
 * A queue entry as the moderation page shows it.
 *
 * @param translations  every translation of the statement, newest first
 * @param forReader     the translation into the moderator's language a reader would see (approved
 *                      human first, then machine), or null when there is none or none is needed
 * @param authorCohort  the author's cohort value by dimension name (empty for seeds and imports)
 * @param alike         other statements alike this one (near-duplicates), best first
 */
public record QueueEntry(
        QueueItem item,
        List<Translations.TranslationView> translations,
        Translations.TranslationView forReader,
        Map<String, String> authorCohort,
        List<Alike> alike) {

    /** A near-duplicate of the entry's statement, with its likeness in [0, 1]. */
    public record Alike(QueueItem item, double score) {}

    public QueueEntry(QueueItem item, List<Translations.TranslationView> translations) {
        this(item, translations, null, Map.of(), List.of());
    }
}
