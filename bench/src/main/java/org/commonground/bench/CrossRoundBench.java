package org.commonground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.CohortPair;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.CrossRoundAnalysis;
import org.commonground.analysis.CrossRoundOptions;
import org.commonground.analysis.CrossRoundResult;
import org.commonground.analysis.GapVerdict;
import org.commonground.analysis.PairedGapChange;
import org.commonground.analysis.RoundSeries;
import org.commonground.analysis.StatementTrend;
import org.commonground.analysis.VoteMatrix;

/**
 * Times {@link CrossRoundAnalysis#run} on a synthetic dialogue with known truth: {@code rounds} rounds of
 * {@code participants} each, a share of each round's participants returning in the next (the rest
 * replaced by newcomers), {@code carried} statements in every round plus {@code fresh} new ones per
 * round. People are JP 45 %, KR 45 %, US 10 % and fall in three opinion groups; every third carried
 * statement's JP–KR gap shrinks linearly from 0.40 to 0.20 over the rounds, the others hold a steady
 * 0.30 gap. A person keeps their interest in a statement across rounds (≈ 12 % of statements) and
 * votes on ≈ 4 % more afresh each round; their opinion on it persists with probability 0.7.
 * Each round's opinion groups come from {@link Analysis#run} (no windows, one bridging sweep), which is
 * not part of the timing.
 *
 * <p>Usage: {@code java -Xmx6g -cp bench/target/commonground-bench.jar org.commonground.bench.CrossRoundBench
 * [rounds=10] [participants=100000] [carried=200] [fresh=50] [returning=0.6] [runs=5] [threads=0]}
 */
public final class CrossRoundBench {
    private static final double INTEREST = 0.12;
    private static final double FRESH_INTEREST = 0.04;
    private static final double OPINION_KEPT = 0.7;

    private CrossRoundBench() {}

    public static void main(String[] args) {
        int rounds = arg(args, 0, 10);
        int participants = arg(args, 1, 100_000);
        int carried = arg(args, 2, 200);
        int fresh = arg(args, 3, 50);
        double returning = args.length > 4 ? Double.parseDouble(args[4]) : 0.6;
        int runs = arg(args, 5, 5);
        int threads = arg(args, 6, 0);

        long t0 = System.nanoTime();
        int[][] roster = rosters(rounds, participants, returning);
        int people = Arrays.stream(roster).flatMapToInt(Arrays::stream).max().orElse(-1) + 1;
        long[][] participantIds = new long[rounds][people];
        long[][] statementIds = new long[rounds][carried];
        RoundSeries.Builder series = RoundSeries.builder();
        long votes = 0;
        long matrixBytes = 0;
        double engineSeconds = 0;
        for (int r = 0; r < rounds; r++) {
            Arrays.fill(participantIds[r], -1);
            for (int k = 0; k < carried; k++) {
                statementIds[r][k] = statementId(r, k);
            }
            VoteMatrix.Builder builder = VoteMatrix.builder();
            Cohorts.Builder cohorts = Cohorts.builder();
            for (int j : roster[r]) {
                long id = participantId(r, j);
                participantIds[r][j] = id;
                cohorts.assign(id, "country", country(j));
                for (int k = 0; k < carried + fresh; k++) {
                    boolean isCarried = k < carried;
                    long statement = isCarried ? k : 1_000_000L * (r + 1) + k;
                    if (uniform(j, statement, -1, 1) < INTEREST || uniform(j, statement, r, 2) < FRESH_INTEREST) {
                        double agree = isCarried ? agreeRate(j, k, r, rounds) : 0.5 + groupEffect(j, statement);
                        double u = uniform(j, statement, r, 3) < OPINION_KEPT
                                ? uniform(j, statement, -1, 4)
                                : uniform(j, statement, r, 5);
                        int value = u < agree ? 1 : uniform(j, statement, r, 6) < 0.7 ? -1 : 0;
                        builder.vote(
                                id, isCarried ? statementId(r, k) : statement, value, 1_767_225_600_000L + 1000L * j);
                    }
                }
            }
            VoteMatrix m = builder.build();
            Cohorts c = cohorts.build();
            long engineStart = System.nanoTime();
            AnalysisResult result = Analysis.run(
                    m, c, AnalysisOptions.defaults().withConvergence(false).withBridgingSweeps(1));
            engineSeconds += (System.nanoTime() - engineStart) / 1e9;
            series.round(m, c, result);
            votes += m.voteCount();
            matrixBytes += m.memoryBytes();
        }
        RoundSeries built = series.people(participantIds).carried(statementIds).build();
        System.out.printf(
                "rounds=%d participants/round=%d people=%d carried=%d fresh/round=%d returning=%.2f votes=%,d matrices=%,d bytes; "
                        + "generated in %.1fs (engine per round for groups: %.1fs of it)%n",
                rounds,
                participants,
                people,
                carried,
                fresh,
                returning,
                votes,
                matrixBytes,
                (System.nanoTime() - t0) / 1e9,
                engineSeconds);

        CrossRoundOptions options = CrossRoundOptions.defaults().withThreads(threads);
        long retained = EndToEnd.usedHeapAfterGc();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        CrossRoundResult result = null;
        for (int run = 0; run < runs; run++) {
            result = null;
            long before = EndToEnd.usedHeapAfterGc();
            resetPeaks();
            long cpuStart = EndToEnd.cpuNanos();
            result = CrossRoundAnalysis.run(built, options);
            cpu[run] = (EndToEnd.cpuNanos() - cpuStart) / 1e9;
            wall[run] = result.analysisSeconds();
            long peak = peakHeap();
            long after = EndToEnd.usedHeapAfterGc();
            System.out.printf(
                    "run %d: %.3fs wall, %.3fs process cpu; heap peak above the inputs ≤ %,d bytes; result retains %,d bytes%n",
                    run + 1, wall[run], cpu[run], Math.max(0, peak - before), after - before);
        }
        System.out.printf(
                "median of %d: %.3fs wall, %.3fs process cpu (inputs held: %,d bytes after GC)%n",
                runs, median(wall), median(cpu), retained);
        variant("one thread", built, options.withThreads(1));
        variant("100 resamples instead of 1000 (the bootstrap's share)", built, options.withResamples(100));
        report(result, carried);
    }

    private static void variant(String name, RoundSeries series, CrossRoundOptions options) {
        long cpuStart = EndToEnd.cpuNanos();
        CrossRoundResult result = CrossRoundAnalysis.run(series, options);
        System.out.printf(
                "%s: %.3fs wall, %.3fs process cpu%n",
                name, result.analysisSeconds(), (EndToEnd.cpuNanos() - cpuStart) / 1e9);
    }

    /** How the verdicts recover the planted truth (JP–KR, consecutive rounds). */
    private static void report(CrossRoundResult result, int carried) {
        CohortPair jpKr = new CohortPair("JP", "KR");
        int[][] verdicts = new int[2][GapVerdict.values().length];
        long paired = 0;
        int changes = 0;
        for (StatementTrend t : result.trends()) {
            if (!t.pair().equals(jpKr)) {
                continue;
            }
            for (PairedGapChange c : t.changes()) {
                if (c.toRound() == c.fromRound() + 1) {
                    verdicts[t.carried() % 3 == 0 ? 0 : 1][c.verdict().ordinal()]++;
                    paired += c.paired();
                    changes++;
                }
            }
        }
        System.out.printf(
                "JP–KR consecutive changes: %d, mean paired voters per change %.0f%n",
                changes, (double) paired / Math.max(1, changes));
        System.out.printf("  planted shrinking (every third): %s%n", counts(verdicts[0]));
        System.out.printf("  planted steady:                  %s%n", counts(verdicts[1]));
        System.out.printf(
                "trends=%d transitions=%d (round 0→1 returning %d of %d counted)%n",
                result.trends().size(),
                result.transitions().size(),
                result.transitions().get(0).returning(),
                result.transitions().get(0).total());
    }

    private static String counts(int[] byVerdict) {
        StringBuilder out = new StringBuilder();
        for (GapVerdict v : GapVerdict.values()) {
            out.append(v).append('=').append(byVerdict[v.ordinal()]).append(' ');
        }
        return out.toString().trim();
    }

    /** Person indices per round: round 0 is people 0 … n−1; each later round keeps a share and adds newcomers. */
    private static int[][] rosters(int rounds, int participants, double returning) {
        int[][] out = new int[rounds][];
        int next = participants;
        out[0] = new int[participants];
        Arrays.setAll(out[0], j -> j);
        for (int r = 1; r < rounds; r++) {
            int[] roster = new int[participants];
            int n = 0;
            for (int j : out[r - 1]) {
                if (n < participants && uniform(j, r, -2, 7) < returning) {
                    roster[n++] = j;
                }
            }
            while (n < participants) {
                roster[n++] = next++;
            }
            Arrays.sort(roster);
            out[r] = roster;
        }
        return out;
    }

    private static double agreeRate(int person, int k, int round, int rounds) {
        double gap = k % 3 == 0 ? 0.40 - 0.20 * round / Math.max(1, rounds - 1) : 0.30;
        String country = country(person);
        double cohort = country.equals("JP") ? gap / 2 : country.equals("KR") ? -gap / 2 : 0;
        return Math.max(0.02, Math.min(0.98, 0.5 + cohort + groupEffect(person, k)));
    }

    /** ±0.15 by opinion group (three groups), a different sign pattern per statement. */
    private static double groupEffect(int person, long statement) {
        int group = (int) (uniform(person, -3, -3, 8) * 3);
        return ((statement + group) % 3 - 1) * 0.15;
    }

    private static String country(int person) {
        double u = uniform(person, -4, -4, 9);
        return u < 0.45 ? "JP" : u < 0.9 ? "KR" : "US";
    }

    private static long participantId(int round, int person) {
        return 10_000_000L * (round + 1) + person;
    }

    private static long statementId(int round, int carried) {
        return 100_000L * (round + 1) + carried;
    }

    /** A uniform in [0, 1) from its arguments alone (SplitMix64 finaliser), so the data need no state. */
    private static double uniform(long a, long b, long c, long d) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + c;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + d;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        h ^= h >>> 32;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap (pools peak at different moments). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
