package org.commonground.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.StatementEvents;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The moderation queue of a conversation and the decisions on it. A decision records its
 * moderator, time and (for a rejection) reason on the statement; a rejected statement leaves
 * routing at once, whether it was pre- or post-moderated.
 */
final class ModerationStore {
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_PAGE = 500;

    private final Jdbi jdbi;
    private final StatementEvents events;

    ModerationStore(Jdbi jdbi, StatementEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /**
     * A moderator's decision: {@code accept} or {@code reject} (which needs a reason, unless it
     * names {@code duplicateOf}: the statement this one repeats, whose id is then the reason).
     */
    public record Decision(String decision, String reason, Long duplicateOf) {
        public Decision(String decision, String reason) {
            this(decision, reason, null);
        }
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

    /**
     * The queue: pending statements first (oldest first, as they waited longest), then the rest,
     * newest decisions first. {@code state} filters to one moderation state when given.
     */
    public List<QueueItem> queue(long conversationId, String state, int limit, int offset) {
        if (state != null && !List.of("pending", "accepted", "rejected").contains(state)) {
            throw Invalid.field("state", "moderation.state.invalid");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Invalid.field("limit", "moderation.limit.invalid", MAX_PAGE);
        }
        if (offset < 0) {
            throw Invalid.field("offset", "moderation.offset.invalid");
        }
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

    /** One statement of the conversation as the queue shows it; 404 for an unknown or another conversation's one. */
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

    /** Statements of the conversation by id, as the queue shows them (unknown ids are left out). */
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

    /** The conversation's duplicate → original links. */
    public java.util.Map<Long, Long> originals(long conversationId) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT statement_id, original_id FROM statement_duplicate WHERE conversation_id = :c")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Accepts or rejects a statement of the conversation; 404 for another conversation's statement. */
    public QueueItem decide(long conversationId, long statementId, long moderatorId, Decision decision) {
        String verdict =
                decision.decision() == null ? "" : decision.decision().strip().toLowerCase(Locale.ROOT);
        String state = switch (verdict) {
            case "accept" -> "accepted";
            case "reject" -> "rejected";
            default -> throw Invalid.field("decision", "moderation.decision.invalid");
        };
        String reason = decision.reason() == null ? null : decision.reason().strip();
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        Long duplicateOf = decision.duplicateOf();
        if (duplicateOf != null && !"rejected".equals(state)) {
            throw Invalid.field("duplicateOf", "moderation.duplicate.reject-only");
        }
        if (duplicateOf != null && duplicateOf == statementId) {
            throw Invalid.field("duplicateOf", "moderation.duplicate.itself");
        }
        if ("rejected".equals(state) && reason == null && duplicateOf == null) {
            throw Invalid.field("reason", "moderation.reason.required");
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw Invalid.field("reason", "moderation.reason.too-long", MAX_REASON_LENGTH);
        }
        String finalReason = reason;
        QueueItem decided = jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            Long original = duplicateOf == null ? null : original(h, conversationId, statementId, duplicateOf);
            int changed = h.createUpdate("UPDATE statement SET moderation_state = :state, moderation_reason = :reason, "
                            + "moderated_by = :moderator, moderated_at = now() "
                            + "WHERE id = :s AND conversation_id = :c")
                    .bind("state", state)
                    .bind("reason", finalReason)
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
