package org.commonground.bench;

import java.util.ArrayList;
import java.util.List;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.VoteMatrix;

/**
 * Group recovery on the planted cases ({@link PlantedCase}): for each, the groups found and the
 * adjusted Rand index against the planted groups of the engine's default, of a Pol.is-style
 * baseline (k-means on the engine's map positions, k by silhouette over participants) and of the
 * oracle (the ceiling), all over the participants in the engine's map; and, for the engine, the
 * common-ground precision: the share of planted bridging statements among its first k
 * common-ground statements, k = the number planted.
 *
 * <p>The engine's Pol.is mode ({@link AnalysisOptions.Method#POLIS}, k-means over base clusters) is
 * shown too, and with {@code repeat=N} both modes' whole {@code Analysis.run} (convergence included,
 * as the live server runs it) is timed N times after one warm-up run: medians of wall-clock seconds.
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.GroupRecovery
 * [seed=1] [repeat=N] [fitSample=N] [case …]} with cases easy, hard, sparse (default all three), each
 * optionally with another noise level ({@code sparse:0.35}); fitSample sets the default method's
 * {@link AnalysisOptions#groupFitSample()} (above that many participants its final fit starts from a sample of that many).
 */
public final class GroupRecovery {
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        List<PlantedCase> cases = new ArrayList<>();
        int repeat = 0;
        int fitSample = AnalysisOptions.DEFAULT_GROUP_FIT_SAMPLE;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("repeat=")) {
                repeat = Integer.parseInt(args[i].substring("repeat=".length()));
            } else if (args[i].startsWith("fitSample=")) {
                fitSample = Integer.parseInt(args[i].substring("fitSample=".length()));
            } else {
                cases.add(PlantedCase.named(args[i]));
            }
        }
        if (cases.isEmpty()) {
            cases = List.of(PlantedCase.EASY, PlantedCase.HARD, PlantedCase.SPARSE);
        }
        System.out.printf(
                "%-7s %6s %5s %5s | %-14s | %-14s | %-14s | %-6s | %-28s | %-28s%n",
                "case",
                "people",
                "stmts",
                "fill",
                "default k ARI",
                "Pol.is-style",
                "engine Pol.is",
                "oracle",
                "common ground: default",
                "common ground: Pol.is mode");
        for (PlantedCase c : cases) {
            SyntheticConversation conversation = c.conversation(seed);
            VoteMatrix matrix = conversation.votes();
            Row row = measure(
                    conversation,
                    matrix,
                    AnalysisOptions.defaults().withSeed(seed).withGroupFitSample(fitSample),
                    true);
            Row polis = measure(
                    conversation,
                    matrix,
                    AnalysisOptions.defaults().withSeed(seed).withMethod(AnalysisOptions.Method.POLIS),
                    false);
            System.out.printf(
                    "%-7s %6d %5d %4.1f%% | %2d %11.3f | %2d %11.3f | %2d %11.3f | %6.3f | %-28s | %-28s%n",
                    c.name(),
                    row.participants,
                    row.statements,
                    100.0 * row.votes / ((double) row.participants * row.statements),
                    row.groups,
                    row.ari,
                    row.baselineGroups,
                    row.baselineAri,
                    polis.groups,
                    polis.ari,
                    row.oracleAri,
                    row.commonGroundText(),
                    polis.commonGroundText());
            if (repeat > 0) {
                AnalysisOptions defaults =
                        AnalysisOptions.defaults().withSeed(seed).withGroupFitSample(fitSample);
                AnalysisOptions polisMode = defaults.withMethod(AnalysisOptions.Method.POLIS);
                System.out.printf(
                        "        Analysis.run with convergence, medians of %d: wall (all cores) default %.3f s, Pol.is mode %.3f s;"
                                + " CPU on one thread default %.3f s, Pol.is mode %.3f s%n",
                        repeat,
                        median(conversation, matrix, defaults, repeat, false),
                        median(conversation, matrix, polisMode, repeat, false),
                        median(conversation, matrix, defaults.withThreads(1), repeat, true),
                        median(conversation, matrix, polisMode.withThreads(1), repeat, true));
            }
        }
    }

    /**
     * @param bridgingHits planted bridging statements among the first {@code planted} common-ground statements
     */
    record Row(
            int participants,
            int statements,
            long votes,
            int groups,
            double ari,
            int baselineGroups,
            double baselineAri,
            double oracleAri,
            int bridgingHits,
            int planted,
            int commonGround) {
        String commonGroundText() {
            int top = Math.min(planted, commonGround);
            return String.format(
                    "%d of top %d bridging (%d found, %d planted)", bridgingHits, top, commonGround, planted);
        }
    }

    /**
     * Median seconds of {@code Analysis.run} after one warm-up: wall clock, or (with {@code cpu}, for
     * options on one thread, which then runs in the caller) the thread's CPU time, which other
     * processes on a shared machine disturb far less.
     */
    static double median(SyntheticConversation c, VoteMatrix matrix, AnalysisOptions options, int repeat, boolean cpu) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Analysis.run(matrix, c.cohorts(), options);
        double[] seconds = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long started = threads.getCurrentThreadCpuTime();
            double wall = Analysis.run(matrix, c.cohorts(), options).analysisSeconds();
            seconds[i] = cpu ? (threads.getCurrentThreadCpuTime() - started) / 1e9 : wall;
        }
        java.util.Arrays.sort(seconds);
        return repeat % 2 == 1 ? seconds[repeat / 2] : (seconds[repeat / 2 - 1] + seconds[repeat / 2]) / 2;
    }

    static Row measure(SyntheticConversation c, VoteMatrix matrix, AnalysisOptions options, boolean baselines) {
        AnalysisResult result = Analysis.run(matrix, c.cohorts(), options.withConvergence(false));
        int n = result.projection().size();
        int[] truth = new int[n];
        int[] found = new int[n];
        int[] best = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] oracle = baselines ? Oracle.classify(c) : new int[c.participants];
        for (int i = 0; i < n; i++) {
            long id = result.projection().ids().get(i);
            int p = SyntheticConversation.participantIndex(id);
            truth[i] = c.groupOf[p];
            found[i] = result.groupOf(id).orElse(0);
            best[i] = oracle[p];
            x[i] = result.projection().x(i);
            y[i] = result.projection().y(i);
        }
        int[] baseline = baselines ? PolisStyleGroups.groups(x, y, options.seed()) : new int[n];
        int plantedBridging = 0;
        for (SyntheticConversation.Kind k : c.kind) {
            plantedBridging += k == SyntheticConversation.Kind.BRIDGING ? 1 : 0;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(plantedBridging, result.commonGround().size()); i++) {
            int s = SyntheticConversation.statementIndex(result.commonGround().get(i));
            hits += c.kind[s] == SyntheticConversation.Kind.BRIDGING ? 1 : 0;
        }
        return new Row(
                n,
                matrix.statementCount(),
                matrix.voteCount(),
                result.groups().size(),
                Agreement.adjustedRandIndex(truth, found),
                distinct(baseline),
                Agreement.adjustedRandIndex(truth, baseline),
                Agreement.adjustedRandIndex(truth, best),
                hits,
                plantedBridging,
                result.commonGround().size());
    }

    private static int distinct(int[] labels) {
        return (int) java.util.Arrays.stream(labels).distinct().count();
    }
}
