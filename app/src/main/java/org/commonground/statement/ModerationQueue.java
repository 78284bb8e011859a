package org.commonground.statement;

import java.util.List;

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
    QueueItem decide(long conversationId, long statementId, long moderatorId, String state, String reason);
}
