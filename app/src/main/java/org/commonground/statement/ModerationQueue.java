package org.commonground.statement;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The moderation states of a conversation's statements, as the moderation feature reads and
 * decides them ({@link StatementFeature#moderationQueue()}); the statement feature owns the rows.
 */
public interface ModerationQueue {
    /**
     * Pending statements first (oldest first, as they waited longest), then the rest, newest
     * decisions first; {@code state} ({@code pending}, {@code accepted}, {@code rejected}) filters
     * when not null. 404 for an unknown conversation.
     */
    List<QueueItem> queue(long conversationId, String state, int limit, int offset);

    /** One statement of the conversation as the queue shows it; 404 for an unknown or another conversation's one. */
    QueueItem item(long conversationId, long statementId);

    /**
     * Records {@code state} ({@code accepted} or {@code rejected}) with its moderator, now and
     * {@code reason} (may be null); 404 for another conversation's statement, 410 if archived.
     */
    default QueueItem decide(long conversationId, long statementId, long moderatorId, String state, String reason) {
        return decide(conversationId, statementId, moderatorId, state, reason, null);
    }

    /**
     * As {@link #decide(long, long, long, String, String)}; a rejection with {@code duplicateOf}
     * records the statement this one repeats (its original when that is a duplicate itself, so
     * links never chain), and every duplicate of this one is pointed at it too. 422 when it is not
     * a live statement of the conversation. Any other decision removes the statement's link.
     */
    QueueItem decide(
            long conversationId, long statementId, long moderatorId, String state, String reason, Long duplicateOf);

    /** Statements of the conversation by id, as the queue shows them (unknown ids are left out). */
    List<QueueItem> items(long conversationId, Collection<Long> statementIds);

    /** The conversation's duplicate → original links, for routing their voters to the original. */
    Map<Long, Long> originals(long conversationId);
}
