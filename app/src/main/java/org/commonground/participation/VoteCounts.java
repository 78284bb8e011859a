package org.commonground.participation;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-statement vote counts of a conversation, for routing. Counting every current vote of a
 * conversation on each "next statement" request would cost more than the vote itself at thousands
 * of participants, so the counts (one grouped query) are shared for up to {@link #MAX_AGE_NANOS}.
 * StatementChoice only weighs statements by them; a second-old count changes a weight, never a rule
 * (what was voted on and what is accepted are always read fresh).
 */
final class VoteCounts {
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    /** Counts of one statement. */
    record Count(int agree, int disagree, int pass) {
        int seen() {
            return agree + disagree + pass;
        }
    }

    private record CachedCounts(long takenAt, Map<Long, Count> counts) {}

    private static final Count NONE = new Count(0, 0, 0);

    private final Jdbi jdbi;
    private final Map<Long, CachedCounts> cache = new ConcurrentHashMap<>();

    VoteCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts of one conversation, by statement id; statements without votes are absent. */
    Map<Long, Count> of(long conversationId) {
        CachedCounts s = cache.get(conversationId);
        if (s == null || System.nanoTime() - s.takenAt() > MAX_AGE_NANOS) {
            // compute() lets one request refresh while the others for this conversation wait for it.
            s = cache.compute(conversationId, (id, old) ->
                    old != null && System.nanoTime() - old.takenAt() <= MAX_AGE_NANOS ? old : load(id));
        }
        return s.counts();
    }

    static Count count(Map<Long, Count> counts, long statementId) {
        return counts.getOrDefault(statementId, NONE);
    }

    private CachedCounts load(long conversationId) {
        long at = System.nanoTime();
        Map<Long, Count> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT statement_id,
                       count(*) FILTER (WHERE value = 1) AS agree,
                       count(*) FILTER (WHERE value = -1) AS disagree,
                       count(*) FILTER (WHERE value = 0) AS pass
                FROM current_vote WHERE conversation_id = :c GROUP BY statement_id""")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Count(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return new CachedCounts(at, Map.copyOf(counts));
    }
}
