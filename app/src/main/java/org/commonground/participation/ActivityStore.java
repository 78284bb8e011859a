package org.commonground.participation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.ConversationRules;
import org.commonground.statement.Statements;
import org.jdbi.v3.core.Jdbi;

/**
 * The organizer's view of a conversation's activity: participants and votes (ours), pending
 * statements (asked of the statement feature), and participants per declared cohort value.
 */
final class ActivityStore implements ConversationActivity {
    private final Jdbi jdbi;
    private final Statements statements;

    ActivityStore(Jdbi jdbi, Statements statements) {
        this.jdbi = jdbi;
        this.statements = statements;
    }

    @Override
    public Counts counts(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM participant WHERE conversation_id = :c),
                       (SELECT count(*) FROM current_vote WHERE conversation_id = :c)""")
                .bind("c", conversationId)
                .map((rs, x) -> new Counts(rs.getInt(1), rs.getInt(2), statements.pendingCount(conversationId)))
                .one());
    }

    @Override
    public List<CohortCount> cohorts(long conversationId) {
        return jdbi.withHandle(h -> {
            List<Conversation.CohortDimension> dimensions = ConversationRules.cohorts(h, conversationId);
            record Counted(long dimension, String value, int participants) {}
            Map<Long, Map<String, Integer>> counted = new HashMap<>();
            for (Counted c : h.createQuery("""
                            SELECT pc.dimension_id, pc.value, count(*) FROM participant_cohort pc
                            JOIN participant p ON p.id = pc.participant_id
                            WHERE p.conversation_id = :c GROUP BY pc.dimension_id, pc.value""")
                    .bind("c", conversationId)
                    .map((rs, x) -> new Counted(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                    .list()) {
                counted.computeIfAbsent(c.dimension(), k -> new HashMap<>()).put(c.value(), c.participants());
            }
            List<CohortCount> out = new ArrayList<>();
            for (Conversation.CohortDimension d : dimensions) {
                Map<String, Integer> byValue = counted.getOrDefault(d.id(), Map.of());
                for (String value : d.values()) {
                    out.add(new CohortCount(d.name(), value, byValue.getOrDefault(value, 0)));
                }
            }
            return out;
        });
    }
}
