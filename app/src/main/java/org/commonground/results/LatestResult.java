package org.commonground.results;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.commonground.analysis.AnalysisJson;
import org.commonground.analysis.AnalysisResult;

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
    private final Supplier<Map<Long, String>> pseudonyms;
    private volatile String json;

    /** A result whose JSON names participants by the ids it was computed with (tests, no database). */
    public LatestResult(
            long conversationId, AnalysisResult result, Instant computedAt, long votesReflected, double loadSeconds) {
        this(conversationId, result, computedAt, votesReflected, loadSeconds, FirstVotes.NONE, null);
    }

    /**
     * @param firstVotes when each participant of the votes reflected first voted
     * @param pseudonyms the conversation's participant pseudonyms by id, read when the JSON is first
     *                   written; null to write the ids themselves
     */
    public LatestResult(
            long conversationId,
            AnalysisResult result,
            Instant computedAt,
            long votesReflected,
            double loadSeconds,
            FirstVotes firstVotes,
            Supplier<Map<Long, String>> pseudonyms) {
        this.firstVotes = firstVotes;
        this.pseudonyms = pseudonyms;
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

    /** Seconds since the result was computed, never negative. */
    public double ageSeconds(Instant now) {
        return Math.max(0, Duration.between(computedAt, now).toNanos() / 1e9);
    }

    /**
     * The result as the engine's JSON contract (the one the {@code analyze} command writes), with
     * participants named by their pseudonyms in the conversation: this is what public answers
     * serve, so the platform-wide participant ids staff see never leave in it. A participant
     * erased since the computation (their pseudonym gone) is written as {@value #ERASED} until the
     * recomputation their erasure asked for replaces this result.
     */
    public String analysisJson() {
        String j = json;
        if (j == null) {
            if (pseudonyms == null) {
                j = AnalysisJson.toJson(result, loadSeconds);
            } else {
                Map<Long, String> names = pseudonyms.get();
                j = AnalysisJson.toJson(result, loadSeconds, id -> names.getOrDefault(id, ERASED));
            }
            json = j;
        }
        return j;
    }

    /** How a participant erased after the computation is named in its JSON. */
    static final String ERASED = "erased";
}
