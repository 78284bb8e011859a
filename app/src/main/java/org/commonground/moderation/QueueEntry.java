package org.commonground.moderation;

import java.util.List;
import org.commonground.statement.QueueItem;
import org.commonground.translation.Translations;

/** A queue entry with the statement's translations. */
public record QueueEntry(QueueItem item, List<Translations.TranslationView> translations) {}
