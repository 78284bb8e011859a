package org.commonground.conversation;

import java.util.Optional;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Handle;

/**
 * The settings of a conversation that decide what participants may do in it. Read inside the
 * command's own transaction, so a decision and the write it allows see the same state.
 *
 * @param moderationMode      {@code pre} (new statements wait for a moderator) or {@code post}
 * @param resultsVisibility   {@code public}, {@code participants} or {@code organizers}
 */
public record ConversationRules(long id, String state, String moderationMode, boolean participantsCanWrite,
                                String resultsVisibility) {

    private static final String COLUMNS =
            "id, state, moderation_mode, participants_can_write, results_visibility FROM conversation WHERE id = :id";

    /** The conversation's rules, or 404. */
    public static ConversationRules load(Handle h, long conversationId) {
        return find(h, "SELECT " + COLUMNS, conversationId);
    }

    /**
     * The rules, holding the conversation row until the transaction ends: commands that must not
     * interleave per conversation (the duplicate check of new statements) serialize on it. NO KEY
     * UPDATE does not conflict with the KEY SHARE locks that inserting votes takes through the
     * foreign key, so voting carries on meanwhile.
     */
    public static ConversationRules lock(Handle h, long conversationId) {
        return find(h, "SELECT " + COLUMNS + " FOR NO KEY UPDATE", conversationId);
    }

    private static ConversationRules find(Handle h, String sql, long conversationId) {
        Optional<ConversationRules> rules = h.createQuery(sql).bind("id", conversationId)
                .map((rs, ctx) -> new ConversationRules(rs.getLong("id"), rs.getString("state"),
                        rs.getString("moderation_mode"), rs.getBoolean("participants_can_write"),
                        rs.getString("results_visibility")))
                .findOne();
        return rules.orElseThrow(() -> NotFound.of("conversation", conversationId));
    }

    /** 409 unless the conversation is open (410 once archived); see {@link ConversationState#requireOpen}. */
    public ConversationRules requireOpen() {
        ConversationState.fromCode(state).requireOpen(id);
        return this;
    }

    /** 410 for an archived conversation: nothing about it changes any more. */
    public ConversationRules requireNotArchived() {
        ConversationState.fromCode(state).requireNotArchived(id);
        return this;
    }

    public boolean preModerated() {
        return "pre".equals(moderationMode);
    }
}
