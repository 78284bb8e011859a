package org.commonground.moderation;

import java.util.List;
import java.util.Locale;
import org.commonground.problem.Invalid;
import org.commonground.statement.ModerationQueue;
import org.commonground.statement.QueueItem;

/**
 * The moderation queue of a conversation and the decisions on it: the rules of a request (states,
 * page sizes, a reason for each rejection) are here; the statement feature records the decision
 * on its row ({@link ModerationQueue}), and a rejected statement leaves routing at once, whether it
 * was pre- or post-moderated.
 */
final class ModerationDesk {
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_PAGE = 500;

    private final ModerationQueue statements;

    ModerationDesk(ModerationQueue statements) {
        this.statements = statements;
    }

    /**
     * A moderator's decision: {@code accept} or {@code reject} (which needs a reason, unless it
     * names {@code duplicateOf}: the statement this one repeats, whose voters are then offered it).
     */
    public record Decision(String decision, String reason, Long duplicateOf) {
        public Decision(String decision, String reason) {
            this(decision, reason, null);
        }
    }

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
        return statements.queue(conversationId, state, limit, offset);
    }

    /** One statement of the conversation as the queue shows it; 404 for an unknown or another conversation's one. */
    public QueueItem item(long conversationId, long statementId) {
        return statements.item(conversationId, statementId);
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
        return statements.decide(conversationId, statementId, moderatorId, state, reason, duplicateOf);
    }

    /** Statements of the conversation by id, as the queue shows them (unknown ids are left out). */
    public List<QueueItem> items(long conversationId, java.util.Collection<Long> statementIds) {
        return statements.items(conversationId, statementIds);
    }

    /** The conversation's duplicate → original links. */
    public java.util.Map<Long, Long> originals(long conversationId) {
        return statements.originals(conversationId);
    }
}
