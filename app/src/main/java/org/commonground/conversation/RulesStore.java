package org.commonground.conversation;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The conversation row as other features' commands read it inside their own transactions
 * ({@link ConversationRules#load}, {@link ConversationRules#lock}): the conversation feature stays
 * the one reader of its tables while the decision and the write it allows see the same state.
 */
final class RulesStore {
    private static final String COLUMNS =
            "id, state, moderation_mode, participants_can_write, results_visibility FROM conversation WHERE id = :id";

    private RulesStore() {}

    static Optional<ConversationRules> find(Handle h, long conversationId, boolean lock) {
        return h.createQuery("SELECT " + COLUMNS + (lock ? " FOR NO KEY UPDATE" : ""))
                .bind("id", conversationId)
                .map((rs, ctx) -> new ConversationRules(
                        rs.getLong("id"),
                        rs.getString("state"),
                        rs.getString("moderation_mode"),
                        rs.getBoolean("participants_can_write"),
                        rs.getString("results_visibility")))
                .findOne();
    }
}
