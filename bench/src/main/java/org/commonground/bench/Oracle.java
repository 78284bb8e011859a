package org.commonground.bench;

/**
 * The ceiling of group recovery: each participant goes to the true group under whose generating
 * model (vote probabilities per statement, noise included, and the group's share) their votes are
 * most likely. No method that sees only the votes can do better on average.
 */
final class Oracle {
    private Oracle() {}

    /** The most likely true group of every participant, indexed like {@link SyntheticConversation#groupOf}. */
    static int[] classify(SyntheticConversation c) {
        int groups = SyntheticConversation.GROUP_SHARE.length;
        double[][] logPosterior = new double[c.participants][groups];
        for (double[] row : logPosterior) {
            for (int g = 0; g < groups; g++) {
                row[g] = Math.log(SyntheticConversation.GROUP_SHARE[g]);
            }
        }
        // The generator draws distinct statements per participant, so every streamed vote is the one in the matrix.
        c.forEachVote((p, s, value, at) -> {
            if (c.kind[s] != SyntheticConversation.Kind.REJECTED) {
                for (int g = 0; g < groups; g++) {
                    logPosterior[p][g] += Math.log(c.likelihood(g, s, value));
                }
            }
        });
        int[] best = new int[c.participants];
        for (int p = 0; p < c.participants; p++) {
            for (int g = 1; g < groups; g++) {
                if (logPosterior[p][g] > logPosterior[p][best[p]]) {
                    best[p] = g;
                }
            }
        }
        return best;
    }
}
