package org.commonground.bench;

import java.util.ArrayList;
import java.util.List;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.VoteMatrix;

/**
 * Checks that the engine recovers a planted truth: group recovery as the adjusted Rand index
 * against the planted groups (for participants in the map), next to the Bayes-optimal recovery
 * that knows the generating probabilities (the best any method could do), and bridging precision:
 * the share of planted bridging statements among the top-k bridging scores, k = number planted.
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.RecoveryCheck
 * [participants=2000] [statements=129] [votesPerParticipant=50] [noise=0.35] [seed=1] [explain|-] [bridgingFloor=0.7]};
 * 129 statements of which 7 % are rejected leave 120 in the math.
 */
public final class RecoveryCheck {
    public static void main(String[] args) {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int statements = args.length > 1 ? Integer.parseInt(args[1]) : 129;
        int votes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        double noise = args.length > 3 ? Double.parseDouble(args[3]) : 0.35;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        double bridgingFloor = args.length > 6 ? Double.parseDouble(args[6]) : 0.7;
        SyntheticConversation conversation =
                new SyntheticConversation(participants, statements, votes, noise, seed, bridgingFloor);
        VoteMatrix matrix = conversation.votes();
        AnalysisResult result = Analysis.run(
                matrix, conversation.cohorts(), AnalysisOptions.defaults().withSeed(seed));
        Recovery recovery = Recovery.of(conversation, matrix, result);
        System.out.printf(
                "participants=%d statements=%d votes=%d noise=%.2f seed=%d%n",
                participants, statements, matrix.voteCount(), noise, seed);
        System.out.printf(
                "groups found=%d  ARI engine=%.3f  ARI best possible=%.3f  bridging precision@%d=%.3f  analysis=%.3fs%n",
                result.groups().size(),
                recovery.ari(),
                recovery.bestPossibleAri(),
                recovery.plantedBridging(),
                recovery.bridgingPrecision(),
                result.analysisSeconds());
        if (args.length > 5 && args[5].equals("explain")) {
            for (int i = 0;
                    i
                            < Math.min(
                                    2 * recovery.plantedBridging(),
                                    result.bridging().size());
                    i++) {
                var b = result.bridging().get(i);
                int s = SyntheticConversation.statementIndex(b.statement());
                System.out.printf(
                        "%2d %-16s score=%.3f factor=%+.3f agree by group %.2f %.2f %.2f%n",
                        i + 1,
                        conversation.kind[s],
                        b.score(),
                        b.factor(),
                        conversation.agree[0][s],
                        conversation.agree[1][s],
                        conversation.agree[2][s]);
            }
        }
    }

    /** Recovery figures of one run. */
    public record Recovery(double ari, double bestPossibleAri, double bridgingPrecision, int plantedBridging) {
        public static Recovery of(SyntheticConversation c, VoteMatrix matrix, AnalysisResult result) {
            List<int[]> labels = new ArrayList<>();
            int[] oracle = Oracle.classify(c);
            for (int i = 0; i < result.projection().size(); i++) {
                long id = result.projection().ids().get(i);
                int p = SyntheticConversation.participantIndex(id);
                labels.add(new int[] {c.groupOf[p], result.groupOf(id).orElse(0), oracle[p]});
            }
            int[] truth = labels.stream().mapToInt(l -> l[0]).toArray();
            int[] found = labels.stream().mapToInt(l -> l[1]).toArray();
            int[] best = labels.stream().mapToInt(l -> l[2]).toArray();
            int planted = 0;
            for (SyntheticConversation.Kind k : c.kind) {
                if (k == SyntheticConversation.Kind.BRIDGING) {
                    planted++;
                }
            }
            int hits = 0;
            for (int i = 0; i < Math.min(planted, result.bridging().size()); i++) {
                int s = SyntheticConversation.statementIndex(
                        result.bridging().get(i).statement());
                if (c.kind[s] == SyntheticConversation.Kind.BRIDGING) {
                    hits++;
                }
            }
            return new Recovery(
                    Agreement.adjustedRandIndex(truth, found),
                    Agreement.adjustedRandIndex(truth, best),
                    planted == 0 ? 1 : (double) hits / planted,
                    planted);
        }
    }
}
