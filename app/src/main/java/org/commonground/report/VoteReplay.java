package org.commonground.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.analysis.AnalysisResult;
import org.commonground.participation.Votes;

/**
 * What the report needs beyond the engine's result, from one pass over the conversation's vote
 * history in the order cast: each opinion group's votes on every statement (so a group card can
 * show how the <em>other</em> groups voted on its statements), and the agree-rate gap of every pair
 * of sizeable cohorts at each of the result's convergence windows (one line per pair, with a band).
 * The engine reports only the mean gap over all cohorts; the per-pair figures are computed here.
 *
 * <p>Current votes are replayed (a changed vote replaces the earlier one), so every tally here is
 * the one the engine would have counted. Immutable once {@link Replayer#finish() finished}.
 */
final class VoteReplay {
    static final int AGREE = 0;
    static final int DISAGREE = 1;
    static final int PASS = 2;
    /** Most pairs drawn: more lines than this no longer read as lines. */
    static final int MAX_PAIRS = 4;

    /**
     * Two cohorts' mean absolute agree-rate gap over the statements both speak on, at each window:
     * {@code gap[w]} in [0, 1], NaN where no statement has enough votes from both; {@code low[w]} and
     * {@code high[w]} bound that mean with a 95% normal interval over statements (mean ± 1.96·sd/√n).
     */
    record PairSeries(String first, String second, double[] gap, double[] low, double[] high, int[] statements) {}

    private final Map<Long, Integer> statementIndex;
    private final int[][] groupCounts;
    private final List<Instant> windows;
    private final List<PairSeries> pairs;

    private VoteReplay(
            Map<Long, Integer> statementIndex, int[][] groupCounts, List<Instant> windows, List<PairSeries> pairs) {
        this.statementIndex = statementIndex;
        this.groupCounts = groupCounts;
        this.windows = windows;
        this.pairs = pairs;
    }

    /** Group {@code group}'s agree, disagree and pass on the statement (zeros if unknown). */
    int[] groupTally(int group, long statementId) {
        Integer s = statementIndex.get(statementId);
        if (s == null || group < 0 || group >= groupCounts.length) {
            return new int[3];
        }
        return Arrays.copyOfRange(groupCounts[group], s * 3, s * 3 + 3);
    }

    List<Instant> windows() {
        return windows;
    }

    List<PairSeries> pairs() {
        return pairs;
    }

    /**
     * Starts a replay for a result.
     *
     * @param cohortOf    each participant's value of the report's cohort dimension
     * @param values      that dimension's values in the organizer's order (pairs keep it: JP–KR first)
     * @param minVotes    votes a cohort needs on a statement before its agree rate counts
     */
    static Replayer of(AnalysisResult r, Map<Long, String> cohortOf, List<String> values, int minVotes) {
        return new Replayer(r, cohortOf, values, minVotes);
    }

    /** Receives the votes in the order cast; {@link #finish()} gives the replay. */
    static final class Replayer implements Votes.VoteSink {
        private final Map<Long, Integer> statementIndex = new HashMap<>();
        private final Map<Long, Integer> groupOf = new HashMap<>();
        private final Map<Long, Integer> cohortIndex = new HashMap<>();
        private final Map<Long, Integer> participantIndex = new HashMap<>();
        private final CurrentVotes current = new CurrentVotes();
        private final int[][] groupCounts;
        private final int[][] cohortCounts;
        private final long[] windowEnds;
        private final List<Instant> windows;
        private final int[][] pairValues;
        private final double[][][] pairStats;
        private final List<String> values;
        private final int minVotes;
        private final int statements;
        private int window;

        private Replayer(AnalysisResult r, Map<Long, String> cohortOf, List<String> values, int minVotes) {
            this.values = values;
            this.minVotes = minVotes;
            List<Long> ids = r.cohorts().statements();
            for (int i = 0; i < ids.size(); i++) {
                statementIndex.put(ids.get(i), i);
            }
            statements = ids.size();
            int groups = 0;
            for (AnalysisResult.OpinionGroup g : r.groups()) {
                g.participants().stream().forEach(p -> groupOf.put(p, g.id()));
                groups = Math.max(groups, g.id() + 1);
            }
            groupCounts = new int[groups][statements * 3];
            int[] members = new int[values.size()];
            cohortOf.forEach((p, v) -> {
                int k = values.indexOf(v);
                if (k >= 0) {
                    cohortIndex.put(p, k);
                    members[k]++;
                }
            });
            cohortCounts = new int[values.size()][statements * 3];
            windows = r.convergence().stream()
                    .map(AnalysisResult.ConvergencePoint::until)
                    .sorted()
                    .toList();
            windowEnds = windows.stream().mapToLong(Instant::toEpochMilli).toArray();
            List<int[]> pv = new ArrayList<>();
            for (int a = 0; a < values.size(); a++) {
                for (int b = a + 1; b < values.size(); b++) {
                    // A cohort with fewer members than the threshold can never speak on a statement.
                    if (members[a] >= minVotes && members[b] >= minVotes && pv.size() < MAX_PAIRS) {
                        pv.add(new int[] {a, b});
                    }
                }
            }
            pairValues = pv.toArray(int[][]::new);
            pairStats = new double[pairValues.length][4][windows.size()];
        }

        @Override
        public void vote(long participantId, long statementId, int value, long castAtMillis) {
            // The engine counts time in whole seconds from the first vote, and a window's "until" is the
            // start of its last second: a vote belongs to the window until that second is over.
            while (window < windowEnds.length && castAtMillis >= windowEnds[window] + 1000L) {
                closeWindow();
            }
            Integer s = statementIndex.get(statementId);
            if (s == null) {
                return;
            }
            int p = participantIndex.computeIfAbsent(participantId, k -> participantIndex.size());
            int code = value > 0 ? AGREE : value < 0 ? DISAGREE : PASS;
            int before = current.put(((long) p << 32) | s, code);
            if (before == code) {
                return;
            }
            Integer g = groupOf.get(participantId);
            Integer k = cohortIndex.get(participantId);
            if (g != null) {
                move(groupCounts[g], s, before, code);
            }
            if (k != null) {
                move(cohortCounts[k], s, before, code);
            }
        }

        private static void move(int[] counts, int s, int before, int code) {
            if (before >= 0) {
                counts[s * 3 + before]--;
            }
            counts[s * 3 + code]++;
        }

        private void closeWindow() {
            for (int i = 0; i < pairValues.length; i++) {
                int[] a = cohortCounts[pairValues[i][0]];
                int[] b = cohortCounts[pairValues[i][1]];
                double sum = 0;
                double squares = 0;
                int n = 0;
                for (int s = 0; s < statements; s++) {
                    int va = a[s * 3] + a[s * 3 + 1] + a[s * 3 + 2];
                    int vb = b[s * 3] + b[s * 3 + 1] + b[s * 3 + 2];
                    if (va < minVotes || vb < minVotes) {
                        continue;
                    }
                    double gap = Math.abs((double) a[s * 3] / va - (double) b[s * 3] / vb);
                    sum += gap;
                    squares += gap * gap;
                    n++;
                }
                double mean = n == 0 ? Double.NaN : sum / n;
                double sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
                double half = n == 0 ? Double.NaN : 1.959963984540054 * sd / Math.sqrt(n);
                pairStats[i][0][window] = mean;
                pairStats[i][1][window] = Math.max(0, mean - half);
                pairStats[i][2][window] = Math.min(1, mean + half);
                pairStats[i][3][window] = n;
            }
            window++;
        }

        VoteReplay finish() {
            while (window < windowEnds.length) {
                closeWindow();
            }
            List<PairSeries> out = new ArrayList<>();
            for (int i = 0; i < pairValues.length; i++) {
                int[] n = Arrays.stream(pairStats[i][3]).mapToInt(d -> (int) d).toArray();
                out.add(new PairSeries(
                        values.get(pairValues[i][0]),
                        values.get(pairValues[i][1]),
                        pairStats[i][0],
                        pairStats[i][1],
                        pairStats[i][2],
                        n));
            }
            return new VoteReplay(Map.copyOf(statementIndex), groupCounts, windows, List.copyOf(out));
        }
    }

    /**
     * Each (participant, statement)'s current vote code, in an open-addressing table of primitive
     * longs: a conversation of two million votes replays in a few tens of megabytes, not hundreds.
     */
    private static final class CurrentVotes {
        private long[] keys = new long[1 << 12];
        private byte[] codes = new byte[1 << 12];
        private int size;

        CurrentVotes() {
            Arrays.fill(keys, -1);
        }

        /** Stores code for key and returns the previous code, −1 if none. */
        int put(long key, int code) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != -1 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            int before = keys[i] == -1 ? -1 : codes[i];
            if (keys[i] == -1) {
                keys[i] = key;
                size++;
            }
            codes[i] = (byte) code;
            return before;
        }

        private void grow() {
            long[] oldKeys = keys;
            byte[] oldCodes = codes;
            keys = new long[oldKeys.length * 2];
            codes = new byte[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    put(oldKeys[i], oldCodes[i]);
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }
}
