package org.commonground.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The report's own reads besides the engine's result: totals, cohort membership, first votes. */
final class ReportQueries {
    /** All votes on a statement, with or without a cohort. */
    record StatementTotal(long statementId, int agree, int disagree, int pass) {
        int votes() {
            return agree + disagree + pass;
        }
    }

    /** When a participant first voted, and their value of a cohort dimension (null if none). */
    record FirstVote(Instant at, String cohort) {}

    record Membership(long participantId, String value) {}

    interface Sql {
        @SqlQuery("""
            SELECT statement_id, count(*) FILTER (WHERE value = 1) AS agree,
                   count(*) FILTER (WHERE value = -1) AS disagree, count(*) FILTER (WHERE value = 0) AS pass
            FROM current_vote WHERE conversation_id = :c GROUP BY statement_id""")
        @RegisterConstructorMapper(StatementTotal.class)
        List<StatementTotal> totals(@Bind("c") long conversationId);

        @SqlQuery("""
            SELECT pc.participant_id, pc.value FROM participant_cohort pc
            JOIN cohort_dimension d ON d.id = pc.dimension_id
            WHERE d.conversation_id = :c AND d.name = :dimension""")
        @RegisterConstructorMapper(Membership.class)
        List<Membership> members(@Bind("c") long conversationId, @Bind("dimension") String dimension);

        @SqlQuery("""
            SELECT min(v.cast_at) AS at, pc.value AS cohort
            FROM vote_event v
            LEFT JOIN cohort_dimension d ON d.conversation_id = v.conversation_id AND d.name = :dimension
            LEFT JOIN participant_cohort pc ON pc.participant_id = v.participant_id AND pc.dimension_id = d.id
            WHERE v.conversation_id = :c
            GROUP BY v.participant_id, pc.value ORDER BY at""")
        @RegisterConstructorMapper(FirstVote.class)
        List<FirstVote> firstVotes(@Bind("c") long conversationId, @Bind("dimension") String dimension);
    }

    private final Jdbi jdbi;

    ReportQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<Long, StatementTotal> totals(long conversationId) {
        Map<Long, StatementTotal> out = new HashMap<>();
        jdbi.withExtension(Sql.class, s -> s.totals(conversationId)).forEach(t -> out.put(t.statementId(), t));
        return out;
    }

    Map<Long, String> cohortOf(long conversationId, String dimension) {
        Map<Long, String> out = new HashMap<>();
        jdbi.withExtension(Sql.class, s -> s.members(conversationId, dimension)).forEach(m -> out.put(m.participantId(), m.value()));
        return out;
    }

    List<FirstVote> firstVotes(long conversationId, String dimension) {
        return jdbi.withExtension(Sql.class, s -> s.firstVotes(conversationId, dimension));
    }
}
