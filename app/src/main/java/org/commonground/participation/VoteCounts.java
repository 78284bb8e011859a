package org.commonground.participation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-statement vote counts of a conversation, for routing. Counting every current vote of a
 * conversation on each "next statement" request would cost more than the vote itself at thousands
 * of participants, so the counts (one grouped query) are shared for up to {@link #MAX_AGE_MILLIS}.
 * StatementChoice only weighs statements by them; a second-old count changes a weight, never a rule
 * (what was voted on and what is accepted are always read fresh).
 */
final class VoteCounts {
    static final long MAX_AGE_MILLIS = 1_000L;

    /** Counts of one statement. */
    record Count(int agree, int disagree, int pass) {
        int seen() {
            return agree + disagree + pass;
        }
    }

    private record CachedCounts(long takenAt, Map<Long, Count> counts) {}

    private static final Count NONE = new Count(0, 0, 0);

    private final Votes votes;
    private final Clock clock;
    private final Map<Long, CachedCounts> cache = new ConcurrentHashMap<>();

    /** @param clock the time source of the cache's age (a test's clock decides when counts are stale) */
    VoteCounts(Votes votes, Clock clock) {
        this.votes = votes;
        this.clock = clock;
    }

    /** Counts of one conversation, by statement id; statements without votes are absent. */
    Map<Long, Count> of(long conversationId) {
        CachedCounts s = cache.get(conversationId);
        if (s == null || clock.millis() - s.takenAt() > MAX_AGE_MILLIS) {
            // compute() lets one request refresh while the others for this conversation wait for it.
            s = cache.compute(
                    conversationId,
                    (id, old) -> old != null && clock.millis() - old.takenAt() <= MAX_AGE_MILLIS ? old : load(id));
        }
        return s.counts();
    }

    static Count count(Map<Long, Count> counts, long statementId) {
        return counts.getOrDefault(statementId, NONE);
    }

    private CachedCounts load(long conversationId) {
        long at = clock.millis();
        Map<Long, Count> counts = new HashMap<>();
        votes.counts(conversationId).forEach((id, t) -> counts.put(id, new Count(t.agree(), t.disagree(), t.pass())));
        return new CachedCounts(at, Map.copyOf(counts));
    }
}
