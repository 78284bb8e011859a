package org.commonground.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.commonground.analysis.Direction;

/**
 * The shape of {@code GET /api/v1/conversations/{conversationId}/results}, for the OpenAPI document: the
 * engine's JSON contract (the one {@code analyze} writes, issue 3 §6) plus the result's freshness.
 * The body itself is written by the engine's own writer ({@link org.commonground.analysis.AnalysisJson}),
 * once per result, so the CLI and the API cannot disagree; ResultsDocumentTest checks that the
 * served keys are exactly these.
 *
 * @param computedAt     when the result was computed
 * @param ageSeconds     seconds since then, at the time of the answer
 * @param votesReflected vote events (every vote cast, changes included) the result is computed from
 */
public record ResultsDocument(
        int participants,
        int statements,
        int votes,
        List<Group> groups,
        Map<String, List<Double>> projection,
        Map<String, List<Double>> statementProjection,
        List<Directed> consensus,
        List<Scored> groupInformedConsensus,
        List<Bridging> bridging,
        Map<String, Map<String, Map<String, CohortTally>>> cohorts,
        List<Long> commonGround,
        List<Divide> divides,
        List<ConvergencePoint> convergence,
        Seconds seconds,
        Instant computedAt,
        double ageSeconds,
        long votesReflected) {

    /**
     * An opinion group: its members and its representative statements. Members are named by their
     * pseudonyms in the conversation (as are the keys of {@code projection}), never by the
     * platform-wide participant ids staff see.
     */
    public record Group(int id, List<String> participants, List<Directed> representative) {}

    public record Directed(long statement, Direction direction, double score) {}

    public record Scored(long statement, double score) {}

    public record Bridging(long statement, double score, double factor) {}

    /** A cohort's votes on a statement, with the 95% Wilson interval of its agree rate. */
    public record CohortTally(int agree, int disagree, int pass, double agreeLow, double agreeHigh) {}

    public record Divide(long statement, String dimension, double gap, double low, double high) {}

    public record ConvergencePoint(
            Instant until, int votes, int commonGround, double meanGap, double centroidDistance) {}

    /** Building the vote matrix, and the engine's run. */
    public record Seconds(double load, double analysis) {}
}
