package org.commonground.results;

import java.time.Duration;
import java.time.Instant;
import org.commonground.analysis.AnalysisJson;
import org.commonground.analysis.AnalysisResult;
import org.commonground.integrity.Excluded;

/**
 * The newest analysis of a conversation and how fresh it is. Immutable; its JSON is written once,
 * on first request, since a result is read far more often than it is replaced.
 */
public final class LatestResult {
    private final long conversationId;
    private final AnalysisResult result;
    private final Instant computedAt;
    private final long votesReflected;
    private final double loadSeconds;
    private final FirstVotes firstVotes;
    private final Excluded excluded;
    private volatile String json;

    public LatestResult(
            long conversationId, AnalysisResult result, Instant computedAt, long votesReflected, double loadSeconds) {
        this(conversationId, result, computedAt, votesReflected, loadSeconds, FirstVotes.NONE);
    }

    /** @param firstVotes when each participant of the votes reflected first voted */
    public LatestResult(
            long conversationId,
            AnalysisResult result,
            Instant computedAt,
            long votesReflected,
            double loadSeconds,
            FirstVotes firstVotes) {
        this(conversationId, result, computedAt, votesReflected, loadSeconds, firstVotes, Excluded.NONE);
    }

    /** @param excluded the participants moderators left out, whose votes the result does not reflect */
    public LatestResult(
            long conversationId,
            AnalysisResult result,
            Instant computedAt,
            long votesReflected,
            double loadSeconds,
            FirstVotes firstVotes,
            Excluded excluded) {
        this.excluded = excluded;
        this.firstVotes = firstVotes;
        this.conversationId = conversationId;
        this.result = result;
        this.computedAt = computedAt;
        this.votesReflected = votesReflected;
        this.loadSeconds = loadSeconds;
    }

    public long conversationId() {
        return conversationId;
    }

    public AnalysisResult result() {
        return result;
    }

    /** When the computation finished. */
    public Instant computedAt() {
        return computedAt;
    }

    /** Vote events (every vote cast, changes of vote included) the result is computed from. */
    public long votesReflected() {
        return votesReflected;
    }

    /** When each participant whose votes the result reflects first voted. */
    public FirstVotes firstVotes() {
        return firstVotes;
    }

    /** The participants moderators left out of this result (integrity), and why. */
    public Excluded excluded() {
        return excluded;
    }

    /** Seconds since the result was computed, never negative. */
    public double ageSeconds(Instant now) {
        return Math.max(0, Duration.between(computedAt, now).toNanos() / 1e9);
    }

    /** The result as the engine's JSON contract (the one the {@code analyze} command writes). */
    public String analysisJson() {
        String j = json;
        if (j == null) {
            j = AnalysisJson.toJson(result, loadSeconds);
            json = j;
        }
        return j;
    }
}
