package org.commonground.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.results.FirstVotes;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The report's own reads besides the engine's result: totals and cohort membership. */
final class ReportQueries {
    /** All votes on a statement, with or without a cohort. */
    record StatementTotal(long statementId, int agree, int disagree, int pass) {
        int votes() {
            return agree + disagree + pass;
        }
    }

    /** When a participant first voted, and their value of a cohort dimension (null if none). */
    record FirstVote(Instant at, String cohort) {
        /** The result's first votes with each participant's cohort value, earliest first. */
        static List<FirstVote> of(FirstVotes first, Map<Long, String> cohortOf) {
            List<FirstVote> out = new java.util.ArrayList<>(first.size());
            for (int i = 0; i < first.size(); i++) {
                out.add(new FirstVote(Instant.ofEpochMilli(first.atMillis()[i]), cohortOf.get(first.participants()[i])));
            }
            out.sort(java.util.Comparator.comparing(FirstVote::at));
            return out;
        }
    }

    record Membership(long participantId, String value) {}

    private final Jdbi jdbi;

    ReportQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<Long, StatementTotal> totals(long conversationId) {
        Map<Long, StatementTotal> out = new HashMap<>();
        jdbi.withHandle(h -> h.createQuery("""
                        SELECT statement_id, count(*) FILTER (WHERE value = 1) AS agree,
                               count(*) FILTER (WHERE value = -1) AS disagree, count(*) FILTER (WHERE value = 0) AS pass
                        FROM current_vote WHERE conversation_id = :c GROUP BY statement_id""")
                .bind("c", conversationId).map(ConstructorMapper.of(StatementTotal.class)).list())
                .forEach(t -> out.put(t.statementId(), t));
        return out;
    }

    Map<Long, String> cohortOf(long conversationId, String dimension) {
        Map<Long, String> out = new HashMap<>();
        jdbi.withHandle(h -> h.createQuery("""
                        SELECT pc.participant_id, pc.value FROM participant_cohort pc
                        JOIN cohort_dimension d ON d.id = pc.dimension_id
                        WHERE d.conversation_id = :c AND d.name = :dimension""")
                .bind("c", conversationId).bind("dimension", dimension).map(ConstructorMapper.of(Membership.class)).list())
                .forEach(m -> out.put(m.participantId(), m.value()));
        return out;
    }
}
