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
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.GroupRecovery
 * [seed=1] [case …]} with cases easy, hard, sparse (default all three).
 */
public final class GroupRecovery {
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        List<PlantedCase> cases = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            cases.add(PlantedCase.named(args[i]));
        }
        if (cases.isEmpty()) {
            cases = List.of(PlantedCase.EASY, PlantedCase.HARD, PlantedCase.SPARSE);
        }
        System.out.printf("%-7s %7s %5s %5s | %-22s | %-22s | %-12s | %s%n", "case", "people", "stmts", "fill",
                "default: groups ARI", "Pol.is-style: groups ARI", "oracle: ARI", "common ground precision, analysis s");
        for (PlantedCase c : cases) {
            Row row = measure(c, seed);
            System.out.printf("%-7s %7d %5d %4.1f%% | %6d %15.3f | %6d %15.3f | %12.3f | %d/%d = %.2f of %d, %.3f s%n", c.name(),
                    row.participants, row.statements, 100.0 * row.votes / ((double) row.participants * row.statements),
                    row.groups, row.ari, row.baselineGroups, row.baselineAri, row.oracleAri,
                    row.bridgingHits, row.planted, row.planted == 0 ? 1.0 : (double) row.bridgingHits / row.planted,
                    row.commonGround, row.seconds);
        }
    }

    record Row(int participants, int statements, long votes, int groups, double ari, int baselineGroups, double baselineAri,
               double oracleAri, int bridgingHits, int planted, int commonGround, double seconds) {}

    static Row measure(PlantedCase planted, long seed) {
        SyntheticConversation c = planted.conversation(seed);
        VoteMatrix matrix = c.votes();
        AnalysisResult result = Analysis.run(matrix, c.cohorts(), AnalysisOptions.defaults().withSeed(seed).withConvergence(false));
        int n = result.projection().size();
        int[] truth = new int[n];
        int[] found = new int[n];
        int[] best = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] oracle = Oracle.classify(c);
        for (int i = 0; i < n; i++) {
            long id = result.projection().ids().get(i);
            int p = SyntheticConversation.participantIndex(id);
            truth[i] = c.groupOf[p];
            found[i] = result.groupOf(id).orElse(0);
            best[i] = oracle[p];
            x[i] = result.projection().x(i);
            y[i] = result.projection().y(i);
        }
        int[] baseline = PolisStyleGroups.groups(x, y, seed);
        int plantedBridging = 0;
        for (SyntheticConversation.Kind k : c.kind) {
            plantedBridging += k == SyntheticConversation.Kind.BRIDGING ? 1 : 0;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(plantedBridging, result.commonGround().size()); i++) {
            int s = SyntheticConversation.statementIndex(result.commonGround().get(i));
            hits += c.kind[s] == SyntheticConversation.Kind.BRIDGING ? 1 : 0;
        }
        return new Row(n, matrix.statementCount(), matrix.voteCount(), result.groups().size(), Agreement.adjustedRandIndex(truth, found),
                distinct(baseline), Agreement.adjustedRandIndex(truth, baseline), Agreement.adjustedRandIndex(truth, best),
                hits, plantedBridging, result.commonGround().size(), result.analysisSeconds());
    }

    private static int distinct(int[] labels) {
        return (int) java.util.Arrays.stream(labels).distinct().count();
    }
}
