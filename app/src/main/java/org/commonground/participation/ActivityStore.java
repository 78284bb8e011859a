package org.commonground.participation;

import java.util.List;
import org.commonground.conversation.ConversationActivity;
import org.jdbi.v3.core.Jdbi;

/** The organizer's view of a conversation's activity: participants, votes, pending statements, cohorts. */
final class ActivityStore implements ConversationActivity {
    private final Jdbi jdbi;

    ActivityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Counts counts(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM participant WHERE conversation_id = :c),
                       (SELECT count(*) FROM current_vote WHERE conversation_id = :c),
                       (SELECT count(*) FROM statement WHERE conversation_id = :c AND moderation_state = 'pending')""")
                .bind("c", conversationId).map((rs, x) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).one());
    }

    @Override
    public List<CohortCount> cohorts(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT d.name, v.value, count(pc.participant_id) AS n
                FROM cohort_dimension d JOIN cohort_value v ON v.dimension_id = d.id
                LEFT JOIN participant_cohort pc ON pc.dimension_id = d.id AND pc.value = v.value
                WHERE d.conversation_id = :c GROUP BY d.name, d.position, v.value, v.position
                ORDER BY d.position, v.position""")
                .bind("c", conversationId)
                .map((rs, x) -> new CohortCount(rs.getString(1), rs.getString(2), rs.getInt(3))).list());
    }
}
