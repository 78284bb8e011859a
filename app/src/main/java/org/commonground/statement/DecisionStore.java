package org.commonground.statement;

import java.util.List;
import java.util.Optional;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Moderation states of statements: the queue as moderators read it and the decisions they record
 * on a statement's row (moderator, time, reason). The moderation feature validates the request
 * and asks here; every decision is told to {@link StatementEvents}.
 */
final class DecisionStore implements ModerationQueue {
    private final Jdbi jdbi;
    private final StatementEvents events;

    DecisionStore(Jdbi jdbi, StatementEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    private static final RowMapper<QueueItem> ITEM = (rs, ctx) -> new QueueItem(
            rs.getLong("id"),
            rs.getString("text"),
            rs.getString("lang"),
            rs.getString("moderation_state"),
            rs.getString("moderation_reason"),
            (Long) rs.getObject("moderated_by", Long.class),
            Optional.ofNullable(rs.getObject("moderated_at", java.time.OffsetDateTime.class))
                    .map(java.time.OffsetDateTime::toInstant)
                    .orElse(null),
            rs.getObject("author_participant_id", Long.class),
            rs.getBoolean("is_seed"),
            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());

    private static final String COLUMNS = """
            id, text, lang, moderation_state, moderation_reason, moderated_by, moderated_at,
            author_participant_id, is_seed, created_at""";

    @Override
    public List<QueueItem> queue(long conversationId, String state, int limit, int offset) {
        return jdbi.withHandle(h -> {
            ConversationRules.load(h, conversationId);
            return h.createQuery("SELECT " + COLUMNS + """
                     FROM statement
                    WHERE conversation_id = :c AND (CAST(:state AS text) IS NULL OR moderation_state = :state)
                    ORDER BY moderation_state <> 'pending',
                             CASE WHEN moderation_state = 'pending' THEN created_at END ASC,
                             coalesce(moderated_at, created_at) DESC, id DESC
                    LIMIT :limit OFFSET :offset""")
                    .bind("c", conversationId)
                    .bind("state", state)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(ITEM)
                    .list();
        });
    }

    @Override
    public QueueItem item(long conversationId, long statementId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM statement WHERE id = :s AND conversation_id = :c")
                        .bind("s", statementId)
                        .bind("c", conversationId)
                        .map(ITEM)
                        .findOne()
                        .orElseThrow(() -> NotFound.of("statement", statementId)));
    }

    @Override
    public QueueItem decide(long conversationId, long statementId, long moderatorId, String state, String reason) {
        QueueItem decided = jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            return h.createQuery("UPDATE statement SET moderation_state = :state, moderation_reason = :reason, "
                            + "moderated_by = :moderator, moderated_at = now() "
                            + "WHERE id = :s AND conversation_id = :c RETURNING " + COLUMNS)
                    .bind("state", state)
                    .bind("reason", reason)
                    .bind("moderator", moderatorId)
                    .bind("s", statementId)
                    .bind("c", conversationId)
                    .map(ITEM)
                    .findOne()
                    .orElseThrow(() -> NotFound.of("statement", statementId));
        });
        events.changed(conversationId, statementId);
        return decided;
    }
}
