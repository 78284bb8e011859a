package org.commonground.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the opinion engine on a conversation's current votes and cohorts. A result is reused while
 * the conversation's votes and moderation are unchanged, so a report polled by many readers is
 * computed once per change, not once per reader.
 */
public final class ComputedResults implements Results {
    private record Version(long votes, Instant lastVote, Instant lastModeration) {}

    private record Cached(Version version, Snapshot snapshot) {}

    private final Jdbi jdbi;
    private final AnalysisOptions options;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public ComputedResults(Jdbi jdbi, AnalysisOptions options) {
        this.jdbi = jdbi;
        this.options = options;
    }

    @Override
    public Snapshot latest(long conversationId) {
        return jdbi.withHandle(h -> {
            Version version = version(h, conversationId);
            Cached cached = cache.get(conversationId);
            if (cached != null && cached.version().equals(version)) {
                return cached.snapshot();
            }
            Snapshot snapshot = new Snapshot(Analysis.run(votes(h, conversationId), cohorts(h, conversationId), options),
                    Instant.now());
            cache.put(conversationId, new Cached(version, snapshot));
            return snapshot;
        });
    }

    private static Version version(Handle h, long conversationId) {
        return h.createQuery("""
                SELECT (SELECT count(*) FROM current_vote WHERE conversation_id = :c) AS votes,
                       (SELECT max(cast_at) FROM current_vote WHERE conversation_id = :c) AS last_vote,
                       (SELECT max(coalesce(moderated_at, created_at)) FROM statement WHERE conversation_id = :c) AS last_moderation""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Version(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                .one();
    }

    private static VoteMatrix votes(Handle h, long conversationId) {
        VoteMatrix.Builder b = VoteMatrix.builder();
        h.createQuery("SELECT id, moderation_state FROM statement WHERE conversation_id = :c")
                .bind("c", conversationId)
                .map((rs, ctx) -> "rejected".equals(rs.getString(2)) ? b.reject(rs.getLong(1)) : b.statement(rs.getLong(1)))
                .forEach(ignored -> { });
        h.createQuery("SELECT participant_id, statement_id, value, cast_at FROM current_vote WHERE conversation_id = :c")
                .bind("c", conversationId)
                .setFetchSize(10_000)
                .map((rs, ctx) -> b.vote(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).getTime()))
                .forEach(ignored -> { });
        return b.build();
    }

    private static Cohorts cohorts(Handle h, long conversationId) {
        Cohorts.Builder b = Cohorts.builder();
        h.createQuery("""
                SELECT pc.participant_id, d.name, pc.value
                FROM participant_cohort pc JOIN cohort_dimension d ON d.id = pc.dimension_id
                WHERE d.conversation_id = :c""")
                .bind("c", conversationId)
                .map((rs, ctx) -> b.assign(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .forEach(ignored -> { });
        return b.build();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
