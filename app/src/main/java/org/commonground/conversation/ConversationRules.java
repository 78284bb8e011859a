package org.commonground.conversation;

import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Handle;

/**
 * The settings of a conversation that decide what participants may do in it. Read inside the
 * command's own transaction, so a decision and the write it allows see the same state.
 *
 * @param moderationMode      {@code pre} (new statements wait for a moderator) or {@code post}
 * @param resultsVisibility   {@code public}, {@code participants} or {@code organizers}
 */
public record ConversationRules(
        long id, String state, String moderationMode, boolean participantsCanWrite, String resultsVisibility) {

    /** The conversation's rules, or 404. */
    public static ConversationRules load(Handle h, long conversationId) {
        return RulesStore.find(h, conversationId, false).orElseThrow(() -> NotFound.of("conversation", conversationId));
    }

    /**
     * The rules, holding the conversation row until the transaction ends: commands that must not
     * interleave per conversation (the duplicate check of new statements) serialize on it. NO KEY
     * UPDATE does not conflict with the KEY SHARE locks that inserting votes takes through the
     * foreign key, so voting carries on meanwhile.
     */
    public static ConversationRules lock(Handle h, long conversationId) {
        return RulesStore.find(h, conversationId, true).orElseThrow(() -> NotFound.of("conversation", conversationId));
    }

    /**
     * The conversation's cohort dimensions as the caller's transaction sees them (joining checks
     * declared values against them and stores values by dimension id); empty for no conversation.
     */
    public static java.util.List<Conversation.CohortDimension> cohorts(Handle h, long conversationId) {
        return ConversationStore.load(h, conversationId)
                .map(Conversation::cohorts)
                .orElse(java.util.List.of());
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
