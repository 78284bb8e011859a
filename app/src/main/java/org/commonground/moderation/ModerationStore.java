package org.commonground.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.StatementEvents;
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

    /** A moderator's decision: {@code accept} or {@code reject} (which needs a reason). */
    public record Decision(String decision, String reason) {}

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
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM statement WHERE id = :s AND conversation_id = :c")
                        .bind("s", statementId)
                        .bind("c", conversationId)
                        .map(ITEM)
                        .findOne()
                        .orElseThrow(() -> NotFound.of("statement", statementId)));
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
        if ("rejected".equals(state) && reason == null) {
            throw Invalid.field("reason", "moderation.reason.required");
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw Invalid.field("reason", "moderation.reason.too-long", MAX_REASON_LENGTH);
        }
        String finalReason = reason;
        QueueItem decided = jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            return h.createQuery("UPDATE statement SET moderation_state = :state, moderation_reason = :reason, "
                            + "moderated_by = :moderator, moderated_at = now() "
                            + "WHERE id = :s AND conversation_id = :c RETURNING " + COLUMNS)
                    .bind("state", state)
                    .bind("reason", finalReason)
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
