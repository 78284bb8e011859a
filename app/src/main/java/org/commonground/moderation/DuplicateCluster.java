package org.commonground.moderation;

import java.util.List;
import org.commonground.statement.QueueItem;

/**
 * Statements alike each other, found from the moderation queue: a moderator keeps one and rejects
 * the others as duplicates of it.
 *
 * @param statements the statements, oldest first (the first is usually the one to keep)
 * @param links      which pairs the check found alike, with the likeness in [0, 1]
 */
public record DuplicateCluster(List<QueueItem> statements, List<Link> links) {

    public record Link(long statementId, long alikeId, double score) {}
}
