package org.commonground.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analysis across a dialogue's rounds: per-round cohort gaps on carried statements, their change
 * measured on returning people (paired), and movement between opinion groups. Pure and thread-safe;
 * each call uses its own worker pool sized by {@link CrossRoundOptions#threads()}, and the result is
 * the same for a seed whatever the thread count.
 */
public final class CrossRoundAnalysis {
    private CrossRoundAnalysis() {}

    public static CrossRoundResult run(RoundSeries series, CrossRoundOptions options) {
        long started = System.nanoTime();
        int rounds = series.roundCount();
        try (Parallel parallel = new Parallel(options.threads())) {
            Cohorts.Bound[] bound = new Cohorts.Bound[rounds];
            CohortTallies[] tallies = new CohortTallies[rounds];
            int[] dimension = new int[rounds];
            TreeSet<String> present = new TreeSet<>();
            for (int r = 0; r < rounds; r++) {
                bound[r] = series.cohorts[r].bind(series.votes[r]);
                tallies[r] = CohortComparison.tally(series.votes[r], bound[r], parallel);
                dimension[r] = bound[r].dimension(options.dimension());
                if (dimension[r] >= 0) {
                    present.addAll(Arrays.asList(bound[r].values()[dimension[r]]));
                }
            }
            String[] values = present.toArray(String[]::new);
            List<CohortPair> pairs = pairs(values, options.leadingPair());
            int[][] statementIndex = denseIndices(series.statementIds, (r, id) -> series.votes[r].statementIndex(id));
            int[][] personIndex = denseIndices(series.participantIds, (r, id) -> series.votes[r].participantIndex(id));
            int[][] personValue = personValues(series, bound, dimension, personIndex, values);
            TreeMap<Integer, int[]> paired =
                    pairedCounts(series, statementIndex, personIndex, personValue, values.length, parallel);
            List<StatementTrend> trends =
                    trends(series, options, tallies, dimension, values, pairs, statementIndex, paired, parallel);
            List<GroupTransitions> transitions = transitions(series, personIndex);
            return new CrossRoundResult(
                    List.of(values), pairs, trends, transitions, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The leading pair first (when both of its cohorts are present), then every other pair alphabetically. */
    static List<CohortPair> pairs(String[] values, CohortPair leading) {
        List<CohortPair> out = new ArrayList<>();
        boolean leads = leading != null
                && Arrays.binarySearch(values, leading.first()) >= 0
                && Arrays.binarySearch(values, leading.second()) >= 0;
        if (leads) {
            out.add(leading);
        }
        for (int a = 0; a < values.length; a++) {
            for (int b = a + 1; b < values.length; b++) {
                CohortPair pair = new CohortPair(values[a], values[b]);
                if (!leads
                        || !(pair.equals(leading) || pair.equals(new CohortPair(leading.second(), leading.first())))) {
                    out.add(pair);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Looks an id up in one round's matrix: a dense index, or −1. */
    private interface IndexOf {
        int in(int round, long id);
    }

    /**
     * Dense matrix indices of a table of ids (−1 where the id is −1 or not in that round's matrix):
     * statementIndex[r][k] for carried statements, personIndex[r][j] for people.
     */
    private static int[][] denseIndices(long[][] ids, IndexOf indexOf) {
        int[][] out = new int[ids.length][];
        for (int r = 0; r < ids.length; r++) {
            out[r] = new int[ids[r].length];
            for (int i = 0; i < ids[r].length; i++) {
                out[r][i] = ids[r][i] < 0 ? -1 : indexOf.in(r, ids[r][i]);
            }
        }
        return out;
    }

    /** personValue[r][j]: the person's cohort value (index into values) in round r, −1 for none. */
    private static int[][] personValues(
            RoundSeries series, Cohorts.Bound[] bound, int[] dimension, int[][] personIndex, String[] values) {
        int[][] out = new int[series.roundCount()][series.personCount()];
        for (int r = 0; r < out.length; r++) {
            Arrays.fill(out[r], -1);
            if (dimension[r] < 0) {
                continue;
            }
            String[] local = bound[r].values()[dimension[r]];
            int[] global = new int[local.length];
            for (int v = 0; v < local.length; v++) {
                global[v] = Arrays.binarySearch(values, local[v]);
            }
            int[] valueOf = bound[r].valueOf()[dimension[r]];
            for (int j = 0; j < out[r].length; j++) {
                int p = personIndex[r][j];
                out[r][j] = p < 0 || valueOf[p] < 0 ? -1 : global[valueOf[p]];
            }
        }
        return out;
    }

    /** Rounds in which carried statement k is in the math, ascending. */
    private static int[] roundsOf(int[][] statementIndex, int k) {
        int[] in = new int[statementIndex.length];
        int n = 0;
        for (int r = 0; r < statementIndex.length; r++) {
            if (statementIndex[r][k] >= 0) {
                in[n++] = r;
            }
        }
        return Arrays.copyOf(in, n);
    }

    /** Pairs of rounds compared for a statement in those rounds: consecutive ones, then first to last. */
    private static List<int[]> roundPairs(int[] in) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < in.length; i++) {
            out.add(new int[] {in[i], in[i + 1]});
        }
        if (in.length >= 3) {
            out.add(new int[] {in[0], in[in.length - 1]});
        }
        return out;
    }

    private static int key(int from, int to, int rounds) {
        return from * rounds + to;
    }

    /** Pattern counts per pair of rounds, each over the statements compared between them. */
    private static TreeMap<Integer, int[]> pairedCounts(
            RoundSeries series,
            int[][] statementIndex,
            int[][] personIndex,
            int[][] personValue,
            int values,
            Parallel parallel) {
        int rounds = series.roundCount();
        int carried = series.carriedCount();
        TreeMap<Integer, boolean[]> compared = new TreeMap<>();
        for (int k = 0; k < carried; k++) {
            for (int[] rp : roundPairs(roundsOf(statementIndex, k))) {
                compared.computeIfAbsent(key(rp[0], rp[1], rounds), x -> new boolean[carried])[k] = true;
            }
        }
        TreeMap<Integer, int[]> out = new TreeMap<>();
        for (var e : compared.entrySet()) {
            int a = e.getKey() / rounds;
            int b = e.getKey() % rounds;
            int[] carriedOfA = carriedOf(series.votes[a], statementIndex[a], e.getValue());
            int[] carriedOfB = carriedOf(series.votes[b], statementIndex[b], e.getValue());
            int[] value = new int[series.personCount()];
            for (int j = 0; j < value.length; j++) {
                value[j] = personValue[a][j] == personValue[b][j] ? personValue[a][j] : -1;
            }
            out.put(
                    e.getKey(),
                    PairedTallies.count(
                            series.votes[a],
                            carriedOfA,
                            personIndex[a],
                            series.votes[b],
                            carriedOfB,
                            personIndex[b],
                            value,
                            carried,
                            values,
                            parallel));
        }
        return out;
    }

    private static int[] carriedOf(VoteMatrix m, int[] statementIndex, boolean[] compared) {
        int[] out = new int[m.statementCount()];
        Arrays.fill(out, -1);
        for (int k = 0; k < statementIndex.length; k++) {
            if (compared[k]) {
                out[statementIndex[k]] = k;
            }
        }
        return out;
    }

    private static List<StatementTrend> trends(
            RoundSeries series,
            CrossRoundOptions options,
            CohortTallies[] tallies,
            int[] dimension,
            String[] values,
            List<CohortPair> pairs,
            int[][] statementIndex,
            TreeMap<Integer, int[]> paired,
            Parallel parallel) {
        int rounds = series.roundCount();
        int carried = series.carriedCount();
        int[][] roundsOf = new int[carried][];
        for (int k = 0; k < carried; k++) {
            roundsOf[k] = roundsOf(statementIndex, k);
        }
        int tasks = pairs.size() * carried;
        StatementTrend[] out = new StatementTrend[tasks];
        // Each trend seeds its own resamples from (seed, pair, statement, rounds): the chunking never matters.
        parallel.forEach(tasks, Math.max(1, Math.min(tasks, Parallel.MAX_CHUNKS)), (c, from, to) -> {
            for (int t = from; t < to; t++) {
                int pairIndex = t / carried;
                int k = t % carried;
                CohortPair pair = pairs.get(pairIndex);
                int first = Arrays.binarySearch(values, pair.first());
                int second = Arrays.binarySearch(values, pair.second());
                List<RoundGap> gaps = new ArrayList<>();
                for (int r : roundsOf[k]) {
                    gaps.add(roundGap(series, tallies[r], dimension[r], r, statementIndex[r][k], k, pair));
                }
                List<PairedGapChange> changes = new ArrayList<>();
                for (int[] rp : roundPairs(roundsOf[k])) {
                    int[] counts = paired.get(key(rp[0], rp[1], rounds));
                    int[] a = Arrays.copyOfRange(
                            counts, (k * values.length + first) * 4, (k * values.length + first) * 4 + 4);
                    int[] b = Arrays.copyOfRange(
                            counts, (k * values.length + second) * 4, (k * values.length + second) * 4 + 4);
                    long seed = mix(options.seed(), pairIndex, k, rp[0], rp[1]);
                    changes.add(change(rp[0], rp[1], a, b, options, seed));
                }
                out[t] = new StatementTrend(k, pair, List.copyOf(gaps), List.copyOf(changes));
            }
        });
        return List.of(out);
    }

    private static RoundGap roundGap(
            RoundSeries series, CohortTallies tallies, int d, int round, int s, int k, CohortPair pair) {
        Tally a = tallyOf(tallies, d, pair.first(), s);
        Tally b = tallyOf(tallies, d, pair.second(), s);
        double[] interval = Proportions.newcombe(a.agree(), a.votes(), b.agree(), b.votes());
        return new RoundGap(
                round, series.statementIds[round][k], a, b, a.agreeRate() - b.agreeRate(), interval[0], interval[1]);
    }

    private static Tally tallyOf(CohortTallies tallies, int d, String value, int s) {
        int v = d < 0 ? -1 : tallies.values(tallies.dimension(d)).indexOf(value);
        return v < 0 ? Tally.of(0, 0, 0) : tallies.tally(d, v, s);
    }

    static PairedGapChange change(
            int fromRound, int toRound, int[] first, int[] second, CrossRoundOptions options, long seed) {
        double[] point = GapBootstrap.point(first, second);
        int n = GapBootstrap.total(first);
        int m = GapBootstrap.total(second);
        if (n < options.minPairedPerCohort() || m < options.minPairedPerCohort()) {
            return new PairedGapChange(
                    fromRound, toRound, n, m, point[0], point[1], point[2], -1, 1, GapVerdict.TOO_FEW);
        }
        double[] interval = GapBootstrap.interval(first, second, options.resamples(), seed);
        GapVerdict verdict =
                interval[1] < 0 ? GapVerdict.SHRANK : interval[0] > 0 ? GapVerdict.GREW : GapVerdict.NO_CLEAR_CHANGE;
        return new PairedGapChange(
                fromRound, toRound, n, m, point[0], point[1], point[2], interval[0], interval[1], verdict);
    }

    /** A well-spread seed per trend and pair of rounds (SplitMix64's finaliser over the parts). */
    private static long mix(long seed, int... parts) {
        long h = seed;
        for (int part : parts) {
            h = (h ^ part) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static List<GroupTransitions> transitions(RoundSeries series, int[][] personIndex) {
        List<GroupTransitions> out = new ArrayList<>();
        for (int r = 0; r + 1 < series.roundCount(); r++) {
            AnalysisResult before = series.results[r];
            AnalysisResult after = series.results[r + 1];
            if (before != null && after != null) {
                out.add(GroupTransitions.count(
                        r,
                        r + 1,
                        before.groups().size(),
                        after.groups().size(),
                        groupOfPerson(series.votes[r], before, personIndex[r]),
                        groupOfPerson(series.votes[r + 1], after, personIndex[r + 1])));
            }
        }
        return List.copyOf(out);
    }

    private static int[] groupOfPerson(VoteMatrix m, AnalysisResult result, int[] personIndex) {
        int[] groupOf = new int[m.participantCount()];
        Arrays.fill(groupOf, GroupTransitions.UNGROUPED);
        for (AnalysisResult.OpinionGroup g : result.groups()) {
            for (int i = 0; i < g.participants().size(); i++) {
                int p = m.participantIndex(g.participants().get(i));
                if (p >= 0) {
                    groupOf[p] = g.id();
                }
            }
        }
        int[] out = new int[personIndex.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = personIndex[j] < 0 ? GroupTransitions.ABSENT : groupOf[personIndex[j]];
        }
        return out;
    }
}
