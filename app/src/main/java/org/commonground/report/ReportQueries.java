package org.commonground.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Conversation;
import org.commonground.participation.Votes;
import org.commonground.results.FirstVotes;

/** The report's own reads besides the engine's result, asked of participation: totals and cohort membership. */
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
                out.add(new FirstVote(
                        Instant.ofEpochMilli(first.atMillis()[i]), cohortOf.get(first.participants()[i])));
            }
            out.sort(java.util.Comparator.comparing(FirstVote::at));
            return out;
        }
    }

    private final Votes votes;

    ReportQueries(Votes votes) {
        this.votes = votes;
    }

    /** Current votes per statement, without those of {@code excludedSorted} (left out by moderators). */
    Map<Long, StatementTotal> totals(long conversationId, long[] excludedSorted) {
        Map<Long, StatementTotal> out = new HashMap<>();
        votes.counts(conversationId, excludedSorted)
                .forEach((id, t) -> out.put(id, new StatementTotal(id, t.agree(), t.disagree(), t.pass())));
        return out;
    }

    /** Each participant's value of the conversation's cohort dimension {@code dimension} (empty when it has none). */
    Map<Long, String> cohortOf(Conversation c, String dimension) {
        return c.cohort(dimension).map(d -> votes.cohortValues(d.id())).orElse(Map.of());
    }
}
