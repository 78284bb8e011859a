package org.commonground.moderation;

import java.util.List;
import org.commonground.translation.TranslationStore;

/** A queue entry with the statement's translations. */
public record QueueEntry(QueueItem item, List<TranslationStore.TranslationView> translations) {}
