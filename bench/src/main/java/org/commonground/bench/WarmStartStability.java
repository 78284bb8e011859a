package org.commonground.bench;

import java.util.ArrayList;
import java.util.List;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.VoteMatrix;

/**
 * How the number of groups behaves as a planted conversation ({@link PlantedCase}) grows, as the live
 * server sees it: the votes cast by each of {@code steps} moments (the last 60 % of the conversation's
 * time span in equal steps), each analysed warm-started from the previous moment's result, for the
 * default and for the Pol.is mode, beside a cold run of the default at each moment. Prints the
 * groups found at each step, how often the count changed between steps, and the last step's ARI
 * against the planted groups.
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.WarmStartStability
 * [seed=1] [steps=8] [case …]} (cases easy, hard, sparse; default all three).
 */
public final class WarmStartStability {
    public static void main(String[] args) {
        long seed = 1;
        int steps = 8;
        List<PlantedCase> cases = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("seed=")) {
                seed = Long.parseLong(arg.substring(5));
            } else if (arg.startsWith("steps=")) {
                steps = Integer.parseInt(arg.substring(6));
            } else {
                cases.add(PlantedCase.named(arg));
            }
        }
        if (cases.isEmpty()) {
            cases = List.of(PlantedCase.EASY, PlantedCase.HARD, PlantedCase.SPARSE);
        }
        for (PlantedCase c : cases) {
            run(c, seed, steps);
        }
    }

    private static void run(PlantedCase c, long seed, int steps) {
        SyntheticConversation conversation = c.conversation(seed);
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        conversation.forEachVote((p, s, value, at) -> {
            span[0] = Math.min(span[0], at);
            span[1] = Math.max(span[1], at);
        });
        AnalysisOptions defaults = AnalysisOptions.defaults().withSeed(seed).withConvergence(false);
        AnalysisOptions polis = defaults.withMethod(AnalysisOptions.Method.POLIS);
        AnalysisResult warmDefault = null;
        AnalysisResult warmPolis = null;
        StringBuilder kWarm = new StringBuilder();
        StringBuilder kCold = new StringBuilder();
        StringBuilder kPolis = new StringBuilder();
        int[] changes = new int[3];
        int[] previous = {-1, -1, -1};
        VoteMatrix matrix = null;
        for (int step = 1; step <= steps; step++) {
            long until = span[0] + (long) ((span[1] - span[0]) * (0.4 + 0.6 * step / steps));
            matrix = prefix(conversation, until);
            warmDefault = Analysis.run(matrix, conversation.cohorts(), defaults, warmDefault);
            AnalysisResult cold = Analysis.run(matrix, conversation.cohorts(), defaults);
            warmPolis = Analysis.run(matrix, conversation.cohorts(), polis, warmPolis);
            int[] k = {
                warmDefault.groups().size(),
                cold.groups().size(),
                warmPolis.groups().size()
            };
            for (int i = 0; i < 3; i++) {
                changes[i] += previous[i] >= 0 && previous[i] != k[i] ? 1 : 0;
                previous[i] = k[i];
            }
            kWarm.append(k[0]);
            kCold.append(k[1]);
            kPolis.append(k[2]);
        }
        System.out.printf(
                "%-7s %d steps: groups per step: default warm %s (%d changes, final ARI %.3f), default cold %s (%d changes),"
                        + " Pol.is mode warm %s (%d changes, final ARI %.3f); truth 3%n",
                c.name(),
                steps,
                kWarm,
                changes[0],
                ari(conversation, warmDefault),
                kCold,
                changes[1],
                kPolis,
                changes[2],
                ari(conversation, warmPolis));
    }

    private static VoteMatrix prefix(SyntheticConversation c, long until) {
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (int s = 0; s < c.statements; s++) {
            if (c.kind[s] == SyntheticConversation.Kind.REJECTED) {
                builder.reject(SyntheticConversation.statementId(s));
            } else {
                builder.statement(SyntheticConversation.statementId(s));
            }
        }
        c.forEachVote((p, s, value, at) -> {
            if (at <= until) {
                builder.vote(SyntheticConversation.participantId(p), SyntheticConversation.statementId(s), value, at);
            }
        });
        return builder.build();
    }

    private static double ari(SyntheticConversation c, AnalysisResult result) {
        int n = result.projection().size();
        int[] truth = new int[n];
        int[] found = new int[n];
        for (int i = 0; i < n; i++) {
            long id = result.projection().ids().get(i);
            truth[i] = c.groupOf[SyntheticConversation.participantIndex(id)];
            found[i] = result.groupOf(id).orElse(0);
        }
        return Agreement.adjustedRandIndex(truth, found);
    }
}
