package org.commonground.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the engine computes for one conversation, immutable. Statement and participant ids are
 * the caller's ids. Every number is finite; see docs/analysis.md for units and ranges.
 *
 * @param participantCount participants in the opinion map (enough votes), ≥ 0
 * @param statementCount   statements in the math (declared or voted on, not rejected), ≥ 0
 * @param voteCount        current votes (latest per participant and statement) of all participants, ≥ 0
 * @param groups           opinion groups, ids 0 … k−1, k ≤ 5 (0 groups when nobody is in the map)
 * @param projection       participants' positions on the map
 * @param statementProjection where a lone agree with each statement would land
 * @param consensus        majority consensus: up to five agree then up to five disagree statements
 * @param groupInformedConsensus every statement with its product over groups of (A+1)/(S+2), best first
 * @param bridging         every statement's bridging score (intercept), best first
 * @param cohorts          per-cohort tallies
 * @param commonGround     statements agreed by a majority of every cohort of the common-ground dimension and every group, best first
 * @param divides          statements splitting the cohorts of a dimension, widest significant gap first
 * @param parallelViews    each divide's full split by cohort, in the order of {@code divides}
 * @param convergence      the analysis over cumulative time windows, oldest first
 * @param analysisSeconds  wall-clock seconds spent in {@link Analysis#run}
 * @param mapState         what a later run needs for a warm start
 */
public record AnalysisResult(
        int participantCount,
        int statementCount,
        int voteCount,
        List<OpinionGroup> groups,
        Projection projection,
        Projection statementProjection,
        List<Consensus> consensus,
        List<GroupInformedConsensus> groupInformedConsensus,
        List<BridgingScore> bridging,
        CohortTallies cohorts,
        List<Long> commonGround,
        List<Divide> divides,
        List<ParallelView> parallelViews,
        List<ConvergencePoint> convergence,
        double analysisSeconds,
        MapState mapState) {

    /**
     * This result with {@code points} as its convergence over time: for a caller that refreshes the
     * windows less often than the rest (they change slowly) and carries the last ones forward.
     */
    public AnalysisResult withConvergence(List<ConvergencePoint> points) {
        return new AnalysisResult(
                participantCount,
                statementCount,
                voteCount,
                groups,
                projection,
                statementProjection,
                consensus,
                groupInformedConsensus,
                bridging,
                cohorts,
                commonGround,
                divides,
                parallelViews,
                List.copyOf(points),
                analysisSeconds,
                mapState);
    }

    /**
     * An opinion group: participants clustered together on the map.
     *
     * @param id             0 … groups−1; stable across warm-started runs where membership mostly stays
     * @param participants   member ids
     * @param representative up to five statements that set the group apart, agrees first
     * @param x              centre on the map, same units as {@link Projection}
     * @param y              centre on the map
     */
    public record OpinionGroup(
            int id, IdSet participants, List<RepresentativeStatement> representative, double x, double y) {}

    /**
     * @param score Pol.is's repness metric: repness × repness-test × p × p-test. Usually positive and
     *              up to a few hundred; it can be negative for a group's fallback statement when no
     *              statement passes the significance tests.
     * @param agree agrees within the group
     * @param disagree disagrees within the group
     * @param votes all votes within the group, passes included
     */
    public record RepresentativeStatement(
            long statement, Direction direction, double score, int agree, int disagree, int votes) {}

    /** @param score p × z of the majority, &gt; 0.5 × 1.2816; larger means clearer and better supported. */
    public record Consensus(long statement, Direction direction, double score) {}

    /** @param score in (0, 1): the product over groups of each group's smoothed agree probability. */
    public record GroupInformedConsensus(long statement, double score) {}

    /**
     * @param score  the statement intercept i_s in agree-probability units (agree = 1, disagree = 0),
     *               relative to the global mean μ; Community Notes calls ≥ 0.40 helpful. Roughly in [−1, 1].
     * @param factor the statement's position f_s on the one-dimensional viewpoint axis; its sign is arbitrary.
     */
    public record BridgingScore(long statement, double score, double factor) {}

    /**
     * A statement the cohorts of a dimension see differently.
     *
     * @param gap  agree rate of the most-agreeing cohort minus that of the least-agreeing one, in (0, 1]
     * @param low  lower end of the 95% Newcombe hybrid score interval of the gap, &gt; 0 for every reported divide
     * @param high upper end of that interval, ≤ 1
     */
    public record Divide(
            long statement,
            String dimension,
            double gap,
            double low,
            double high,
            String mostAgreeing,
            String leastAgreeing) {}

    /** Each cohort's split on a divide, for side-by-side bars. */
    public record ParallelView(long statement, String dimension, List<CohortSplit> cohorts) {}

    public record CohortSplit(String value, int agree, int disagree, int pass) {}

    /**
     * The analysis over the votes cast until a moment.
     *
     * @param until            the start of the window's last second, seconds counted from the first vote:
     *                         the window holds every vote cast before {@code until} + 1 s
     * @param votes            current votes cast by then
     * @param commonGround     number of common-ground statements by then
     * @param meanGap          mean over statements of the agree-rate gap between cohorts of the
     *                         common-ground dimension (those with enough votes), in [0, 1]; 0 if none
     * @param centroidDistance mean distance between those cohorts' centres on that window's map, ≥ 0
     */
    public record ConvergencePoint(
            Instant until, int votes, int commonGround, double meanGap, double centroidDistance) {}

    /** The participant's opinion group id, empty if the participant is not in the map. */
    public OptionalInt groupOf(long participantId) {
        for (OpinionGroup g : groups) {
            if (g.participants().contains(participantId)) {
                return OptionalInt.of(g.id());
            }
        }
        return OptionalInt.empty();
    }

    public Optional<OpinionGroup> group(int id) {
        return groups.stream().filter(g -> g.id() == id).findFirst();
    }

    /** The cohort's tally on the statement; see {@link CohortTallies#tally(String, String, long)}. */
    public Optional<Tally> tally(String dimension, String value, long statementId) {
        return cohorts.tally(dimension, value, statementId);
    }

    public Optional<BridgingScore> bridgingOf(long statementId) {
        return bridging.stream().filter(b -> b.statement() == statementId).findFirst();
    }

    public Optional<ParallelView> parallelView(long statementId, String dimension) {
        return parallelViews.stream()
                .filter(v -> v.statement() == statementId && v.dimension().equals(dimension))
                .findFirst();
    }
}
