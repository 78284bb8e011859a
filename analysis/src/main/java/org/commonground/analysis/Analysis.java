package org.commonground.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole opinion engine on a conversation: the Pol.is map and groups, Community-Notes-style
 * bridging, cohort comparisons and convergence over time. Pure and thread-safe; each call uses its
 * own worker pool sized by {@link AnalysisOptions#threads()}.
 */
public final class Analysis {
    private Analysis() {}

    public static AnalysisResult run(VoteMatrix votes, Cohorts cohorts, AnalysisOptions options) {
        return run(votes, cohorts, options, null);
    }

    /**
     * @param previous an earlier result for the same conversation, or null; when given, power
     *                 iteration and k-means start from its components and centres, which makes a
     *                 recomputation after a few new votes cheap and keeps group ids stable
     */
    public static AnalysisResult run(
            VoteMatrix votes, Cohorts cohorts, AnalysisOptions options, AnalysisResult previous) {
        long started = System.nanoTime();
        Cohorts.Bound bound = (cohorts == null ? Cohorts.none() : cohorts).bind(votes);
        try (Parallel parallel = new Parallel(options.threads())) {
            MapState warm = previous == null ? null : previous.mapState();
            Snapshot full = Snapshot.compute(votes, bound, options, warm, null, parallel);
            OpinionMap map = full.map;
            List<List<AnalysisResult.RepresentativeStatement>> representative =
                    Representativeness.representative(votes, full.groupCounts, map.groupCount);
            List<AnalysisResult.OpinionGroup> groups = groups(votes, map, representative);
            MapState state = map.state(votes);
            // Bridging and the convergence windows read only the map: they run side by side, so the
            // serial parts of each (ALS's per-sweep solves, the windows' k-means seeding) overlap.
            Object[] parts = new Object[2];
            parallel.forEach(2, 2, (c, from, to) -> {
                if (c == 0) {
                    parts[0] = Bridging.fit(
                            votes,
                            map.components.first,
                            warm == null ? null : warm.bridgingFor(votes.statementIds()),
                            options.seed(),
                            parallel,
                            options.bridgingSweeps());
                } else {
                    parts[1] = options.convergence()
                            ? Convergence.compute(full, bound, options, state, parallel)
                            : List.<AnalysisResult.ConvergencePoint>of();
                }
            });
            Bridging bridging = (Bridging) parts[0];
            @SuppressWarnings("unchecked")
            List<AnalysisResult.ConvergencePoint> convergence = (List<AnalysisResult.ConvergencePoint>) parts[1];
            List<Long> commonGround = CohortComparison.commonGround(
                    full.tallies,
                    full.commonGroundDimension,
                    full.cohortMembers,
                    full.groupCounts,
                    full.groupMembers,
                    map.groupCount,
                    options.minVotesPerCohort());
            List<AnalysisResult.Divide> divides =
                    CohortComparison.divides(full.tallies, options.minVotesPerCohort(), options.maxDivides());
            List<AnalysisResult.ParallelView> views = divides.stream()
                    .map(d -> CohortComparison.parallelView(full.tallies, d))
                    .toList();
            double[][] statementPositions = map.components.statementPositions();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new AnalysisResult(
                    map.rows.length,
                    votes.statementCount(),
                    votes.voteCount(),
                    groups,
                    new Projection(new IdSet(participantIds(votes, map.rows)), map.x, map.y),
                    new Projection(new IdSet(votes.statementIds()), statementPositions[0], statementPositions[1]),
                    Representativeness.consensus(votes, full.groupCounts, map.groupCount),
                    Representativeness.groupInformedConsensus(votes, full.groupCounts, map.groupCount),
                    bridging.scores(votes),
                    full.tallies,
                    commonGround,
                    divides,
                    views,
                    convergence,
                    seconds,
                    state.withBridging(bridging.fitted, bridging.converged));
        }
    }

    private static List<AnalysisResult.OpinionGroup> groups(
            VoteMatrix votes, OpinionMap map, List<List<AnalysisResult.RepresentativeStatement>> representative) {
        int[] size = new int[map.groupCount];
        for (int g : map.groupOfRow) {
            size[g]++;
        }
        long[][] members = new long[map.groupCount][];
        for (int g = 0; g < map.groupCount; g++) {
            members[g] = new long[size[g]];
        }
        int[] filled = new int[map.groupCount];
        for (int i = 0; i < map.rows.length; i++) {
            int g = map.groupOfRow[i];
            members[g][filled[g]++] = votes.participantId(map.rows[i]);
        }
        List<AnalysisResult.OpinionGroup> out = new ArrayList<>();
        for (int g = 0; g < map.groupCount; g++) {
            out.add(new AnalysisResult.OpinionGroup(
                    g,
                    new IdSet(members[g]),
                    representative.get(g),
                    Representativeness.finite(map.groupX[g]),
                    Representativeness.finite(map.groupY[g])));
        }
        return List.copyOf(out);
    }

    /** Map rows are ascending dense indices, and dense indices follow id order: the ids come out sorted. */
    private static long[] participantIds(VoteMatrix votes, int[] rows) {
        long[] ids = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = votes.participantId(rows[i]);
        }
        return ids;
    }
}
