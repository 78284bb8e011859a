package org.commonground.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares cohorts: tallies per cohort, common ground across every cohort of one dimension and
 * every opinion group, and divides within a dimension. A cohort (or group) speaks on a statement
 * only with at least minVotesPerCohort votes on it; a cohort with fewer members than that in total
 * can never speak and is left out of common ground rather than blocking it forever.
 */
final class CohortComparison {
    private CohortComparison() {}

    static CohortTallies tally(VoteMatrix m, Cohorts.Bound bound, Parallel parallel) {
        int statements = m.statementCount();
        int dims = bound.dimensions().length;
        int[][] counts = new int[dims][];
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        for (int d = 0; d < dims; d++) {
            int[] valueOf = bound.valueOf()[d];
            // A free-text dimension (thousands of values) times thousands of statements would overflow an
            // int index long before it ran out of memory: refuse it with a message instead.
            int size;
            try {
                size = Math.multiplyExact(Math.multiplyExact(bound.values()[d].length, statements), 3);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "cohort dimension '" + bound.dimensions()[d] + "' has too many values ("
                                + bound.values()[d].length + ") for " + statements + " statements",
                        e);
            }
            int chunks = Math.min(Parallel.chunks(m.participantCount()), Math.max(1, parallel.threads()));
            int[][] partial = new int[chunks][size];
            parallel.forEach(m.participantCount(), chunks, (c, from, to) -> {
                int[] acc = partial[c];
                for (int p = from; p < to; p++) {
                    int v = valueOf[p];
                    if (v < 0) {
                        continue;
                    }
                    int offset = v * statements;
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        acc[(offset + VoteMatrix.statementOf(cells[k])) * 3 + VoteMatrix.codeOf(cells[k])]++;
                    }
                }
            });
            counts[d] = Parallel.sumInOrder(partial);
        }
        return new CohortTallies(bound.dimensions(), bound.values(), m.statementIds(), counts);
    }

    /** Members per value of a dimension (participants with any vote). */
    static int[] members(Cohorts.Bound bound, int d) {
        int[] members = new int[bound.values()[d].length];
        for (int v : bound.valueOf()[d]) {
            if (v >= 0) {
                members[v]++;
            }
        }
        return members;
    }

    /**
     * Statements agreed (agree rate &gt; ½) by every sizeable cohort of dimension d and every sizeable
     * opinion group, each with enough votes; best first by the weakest Wilson lower bound among them.
     */
    static List<Long> commonGround(
            CohortTallies tallies,
            int d,
            int[] cohortMembers,
            int[] groupCounts,
            int[] groupMembers,
            int groups,
            int minVotes) {
        int statements = tallies.statementCount();
        List<double[]> found = new ArrayList<>();
        for (int s = 0; s < statements; s++) {
            double weakest =
                    weakestAgreement(tallies, d, cohortMembers, groupCounts, groupMembers, groups, minVotes, s);
            if (weakest >= 0) {
                found.add(new double[] {weakest, s});
            }
        }
        found.sort(Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> e[1]));
        List<Long> out = new ArrayList<>(found.size());
        for (double[] e : found) {
            out.add(tallies.statementId((int) e[1]));
        }
        return List.copyOf(out);
    }

    static int commonGroundCount(
            CohortTallies tallies,
            int d,
            int[] cohortMembers,
            int[] groupCounts,
            int[] groupMembers,
            int groups,
            int minVotes) {
        int count = 0;
        for (int s = 0; s < tallies.statementCount(); s++) {
            if (weakestAgreement(tallies, d, cohortMembers, groupCounts, groupMembers, groups, minVotes, s) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** The weakest Wilson lower bound over the cohorts that must agree, or −1 if one of them does not. */
    private static double weakestAgreement(
            CohortTallies tallies,
            int d,
            int[] cohortMembers,
            int[] groupCounts,
            int[] groupMembers,
            int groups,
            int minVotes,
            int s) {
        int statements = tallies.statementCount();
        double weakest = 2;
        int speakers = 0;
        if (d >= 0) {
            for (int v = 0; v < tallies.valueCount(d); v++) {
                if (cohortMembers[v] < minVotes) {
                    continue;
                }
                Tally t = tallies.tally(d, v, s);
                if (t.votes() < minVotes || 2 * t.agree() <= t.votes()) {
                    return -1;
                }
                weakest = Math.min(weakest, t.agreeLow());
                speakers++;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (groupMembers[g] < minVotes) {
                continue;
            }
            int b = (g * statements + s) * 3;
            int agree = groupCounts[b + VoteMatrix.AGREE];
            int votes = groupCounts[b] + groupCounts[b + 1] + groupCounts[b + 2];
            if (votes < minVotes || 2 * agree <= votes) {
                return -1;
            }
            weakest = Math.min(weakest, Proportions.wilson(agree, votes)[0]);
            speakers++;
        }
        return speakers == 0 ? -1 : weakest;
    }

    /** Divides with a significant gap (interval above zero), widest first, at most max of them. */
    static List<AnalysisResult.Divide> divides(CohortTallies tallies, int minVotes, int max) {
        List<AnalysisResult.Divide> out = new ArrayList<>();
        for (int d = 0; d < tallies.dimensionCount(); d++) {
            for (int s = 0; s < tallies.statementCount(); s++) {
                int hi = -1;
                int lo = -1;
                double hiRate = -1;
                double loRate = 2;
                for (int v = 0; v < tallies.valueCount(d); v++) {
                    Tally t = tallies.tally(d, v, s);
                    if (t.votes() < minVotes) {
                        continue;
                    }
                    if (t.agreeRate() > hiRate) {
                        hiRate = t.agreeRate();
                        hi = v;
                    }
                    if (t.agreeRate() < loRate) {
                        loRate = t.agreeRate();
                        lo = v;
                    }
                }
                if (hi < 0 || hi == lo || hiRate <= loRate) {
                    continue;
                }
                Tally high = tallies.tally(d, hi, s);
                Tally low = tallies.tally(d, lo, s);
                double[] interval = Proportions.newcombe(high.agree(), high.votes(), low.agree(), low.votes());
                if (interval[0] > 0) {
                    out.add(new AnalysisResult.Divide(
                            tallies.statementId(s),
                            tallies.dimension(d),
                            hiRate - loRate,
                            interval[0],
                            interval[1],
                            tallies.value(d, hi),
                            tallies.value(d, lo)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(AnalysisResult.Divide::gap)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(AnalysisResult.Divide::low).reversed())
                .thenComparingLong(AnalysisResult.Divide::statement)
                .thenComparing(AnalysisResult.Divide::dimension));
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    static AnalysisResult.ParallelView parallelView(CohortTallies tallies, AnalysisResult.Divide divide) {
        int d = tallies.dimensions().indexOf(divide.dimension());
        int s = tallies.statementIndex(divide.statement());
        List<AnalysisResult.CohortSplit> splits = new ArrayList<>();
        for (int v = 0; v < tallies.valueCount(d); v++) {
            Tally t = tallies.tally(d, v, s);
            splits.add(new AnalysisResult.CohortSplit(tallies.value(d, v), t.agree(), t.disagree(), t.pass()));
        }
        return new AnalysisResult.ParallelView(divide.statement(), divide.dimension(), List.copyOf(splits));
    }

    /** Mean over statements of the agree-rate gap between the cohorts of dimension d that have enough votes. */
    static double meanGap(CohortTallies tallies, int d, int minVotes) {
        if (d < 0) {
            return 0;
        }
        double sum = 0;
        int statements = 0;
        for (int s = 0; s < tallies.statementCount(); s++) {
            double hi = -1;
            double lo = 2;
            int speaking = 0;
            for (int v = 0; v < tallies.valueCount(d); v++) {
                int votes = tallies.votes(d, v, s);
                if (votes < minVotes) {
                    continue;
                }
                double rate = tallies.tally(d, v, s).agreeRate();
                hi = Math.max(hi, rate);
                lo = Math.min(lo, rate);
                speaking++;
            }
            if (speaking >= 2) {
                sum += hi - lo;
                statements++;
            }
        }
        return statements == 0 ? 0 : sum / statements;
    }

    /** Mean pairwise distance between the map centres of the cohorts of dimension d (in-map members only). */
    static double centroidDistance(OpinionMap map, Cohorts.Bound bound, int d) {
        if (d < 0) {
            return 0;
        }
        int values = bound.values()[d].length;
        double[] sx = new double[values];
        double[] sy = new double[values];
        int[] n = new int[values];
        for (int i = 0; i < map.rows.length; i++) {
            int v = bound.valueOf()[d][map.rows[i]];
            if (v >= 0) {
                sx[v] += map.x[i];
                sy[v] += map.y[i];
                n[v]++;
            }
        }
        double total = 0;
        int pairs = 0;
        for (int a = 0; a < values; a++) {
            for (int b = a + 1; b < values; b++) {
                if (n[a] > 0 && n[b] > 0) {
                    total += Math.hypot(sx[a] / n[a] - sx[b] / n[b], sy[a] / n[a] - sy[b] / n[b]);
                    pairs++;
                }
            }
        }
        return pairs == 0 ? 0 : Representativeness.finite(total / pairs);
    }
}
