package org.commonground.statement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Handle;
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
            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getObject("duplicate_of", Long.class));

    private static final String COLUMNS = """
            id, text, lang, moderation_state, moderation_reason, moderated_by, moderated_at,
            author_participant_id, is_seed, created_at,
            (SELECT d.original_id FROM statement_duplicate d WHERE d.statement_id = statement.id) AS duplicate_of""";

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
        return jdbi.withHandle(h -> item(h, conversationId, statementId));
    }

    private static QueueItem item(Handle h, long conversationId, long statementId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM statement WHERE id = :s AND conversation_id = :c")
                .bind("s", statementId)
                .bind("c", conversationId)
                .map(ITEM)
                .findOne()
                .orElseThrow(() -> NotFound.of("statement", statementId));
    }

    @Override
    public List<QueueItem> items(long conversationId, java.util.Collection<Long> statementIds) {
        if (statementIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM statement WHERE id = ANY(:ids) AND conversation_id = :c ORDER BY id")
                .bind("ids", statementIds.toArray(Long[]::new))
                .bind("c", conversationId)
                .map(ITEM)
                .list());
    }

    /**
     * The statement a duplicate points at: {@code duplicateOf}, or its own original when it was
     * rejected as a duplicate itself; 422 when it is not a live statement of the conversation or
     * leads back to the statement being rejected.
     */
    private static long original(Handle h, long conversationId, long statementId, long duplicateOf) {
        record Target(String state, Long original) {}
        Target t = h.createQuery("""
                        SELECT s.moderation_state, d.original_id FROM statement s
                        LEFT JOIN statement_duplicate d ON d.statement_id = s.id
                        WHERE s.id = :o AND s.conversation_id = :c""")
                .bind("o", duplicateOf)
                .bind("c", conversationId)
                .map((rs, ctx) -> new Target(rs.getString(1), rs.getObject(2, Long.class)))
                .findOne()
                .orElseThrow(() -> Invalid.field("duplicateOf", "moderation.duplicate.unknown", duplicateOf));
        long original = t.original() != null ? t.original() : duplicateOf;
        if (original == statementId) {
            throw Invalid.field("duplicateOf", "moderation.duplicate.itself");
        }
        if (t.original() == null && t.state().equals("rejected")) {
            throw Invalid.field("duplicateOf", "moderation.duplicate.rejected", duplicateOf);
        }
        return original;
    }

    @Override
    public java.util.Map<Long, Long> originals(long conversationId) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT statement_id, original_id FROM statement_duplicate WHERE conversation_id = :c")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public QueueItem decide(
            long conversationId, long statementId, long moderatorId, String state, String reason, Long duplicateOf) {
        QueueItem decided = jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            Long original = duplicateOf == null ? null : original(h, conversationId, statementId, duplicateOf);
            int changed = h.createUpdate("UPDATE statement SET moderation_state = :state, moderation_reason = :reason, "
                            + "moderated_by = :moderator, moderated_at = now() "
                            + "WHERE id = :s AND conversation_id = :c")
                    .bind("state", state)
                    .bind("reason", reason)
                    .bind("moderator", moderatorId)
                    .bind("s", statementId)
                    .bind("c", conversationId)
                    .execute();
            if (changed == 0) {
                throw NotFound.of("statement", statementId);
            }
            h.createUpdate("DELETE FROM statement_duplicate WHERE statement_id = :s")
                    .bind("s", statementId)
                    .execute();
            if (original != null) {
                h.createUpdate("""
                        INSERT INTO statement_duplicate (statement_id, original_id, conversation_id, decided_by)
                        VALUES (:s, :o, :c, :m)""")
                        .bind("s", statementId)
                        .bind("o", original)
                        .bind("c", conversationId)
                        .bind("m", moderatorId)
                        .execute();
                // Duplicates of this one now point at its original: a voter is offered a statement still open.
                h.createUpdate("UPDATE statement_duplicate SET original_id = :o WHERE original_id = :s")
                        .bind("o", original)
                        .bind("s", statementId)
                        .execute();
            }
            return item(h, conversationId, statementId);
        });
        events.changed(conversationId, statementId);
        return decided;
    }
}
