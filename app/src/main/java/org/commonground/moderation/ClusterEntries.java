package org.commonground.moderation;

import java.util.List;

/** A duplicate cluster as the queue page shows it: each statement as a queue entry (translation, author's cohort). */
public record ClusterEntries(DuplicateCluster cluster, List<QueueEntry> entries) {}
