package org.commonground.analysis;

/**
 * The part of the analysis that the convergence windows repeat: the map, the groups' tallies and
 * the cohorts' tallies. Representative statements and bridging are computed only once, on all votes.
 */
final class Snapshot {
    final VoteMatrix votes;
    final OpinionMap map;
    final int[] groupCounts;
    final int[] groupMembers;
    final CohortTallies tallies;
    final int commonGroundDimension;
    final int[] cohortMembers;

    private Snapshot(
            VoteMatrix votes,
            OpinionMap map,
            int[] groupCounts,
            int[] groupMembers,
            CohortTallies tallies,
            int commonGroundDimension,
            int[] cohortMembers) {
        this.votes = votes;
        this.map = map;
        this.groupCounts = groupCounts;
        this.groupMembers = groupMembers;
        this.tallies = tallies;
        this.commonGroundDimension = commonGroundDimension;
        this.cohortMembers = cohortMembers;
    }

    static Snapshot compute(
            VoteMatrix m,
            Cohorts.Bound bound,
            AnalysisOptions options,
            MapState warm,
            PrincipalComponents axes,
            Parallel parallel) {
        OpinionMap map = OpinionMap.compute(m, options, warm, axes, parallel);
        int[] groupCounts = Representativeness.tally(m, map.rows, map.groupOfRow, map.groupCount, parallel);
        int[] groupMembers = new int[map.groupCount];
        for (int g : map.groupOfRow) {
            groupMembers[g]++;
        }
        CohortTallies tallies = CohortComparison.tally(m, bound, parallel);
        int d = bound.dimension(options.commonGroundDimension());
        int[] cohortMembers = new int[d < 0 ? 0 : bound.values()[d].length];
        if (d >= 0) {
            int[] valueOf = bound.valueOf()[d];
            for (int p = 0; p < valueOf.length; p++) {
                if (valueOf[p] >= 0 && m.votesOf(p) > 0) {
                    cohortMembers[valueOf[p]]++;
                }
            }
        }
        return new Snapshot(m, map, groupCounts, groupMembers, tallies, d, cohortMembers);
    }

    int commonGroundCount(int minVotes) {
        return CohortComparison.commonGroundCount(
                tallies, commonGroundDimension, cohortMembers, groupCounts, groupMembers, map.groupCount, minVotes);
    }
}
