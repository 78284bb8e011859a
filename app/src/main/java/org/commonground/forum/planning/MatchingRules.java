package org.commonground.forum.planning;

/**
 * The forum's settings for matching and the weights of the score. The weights are shares of a
 * perfect score, so a proposal scores in [0, 1].
 *
 * @param allowTwoSeats     whether a team of two of the three countries may be proposed
 * @param maxOpenConsortia  an organization already in this many open consortia is not proposed again, ≥ 1
 * @param proposals         proposals per project, ≥ 1
 * @param coverage          weight of the weighted share of required capabilities covered
 * @param complementarity   weight of little overlap (members not covering the same capability twice)
 * @param interest          weight of members having marked interest in the project
 * @param experience        weight of members already working in the host country
 * @param sizeFit           weight of members' size matching the project's size
 */
public record MatchingRules(
        boolean allowTwoSeats,
        int maxOpenConsortia,
        int proposals,
        double coverage,
        double complementarity,
        double interest,
        double experience,
        double sizeFit) {
    public MatchingRules {
        if (maxOpenConsortia < 1 || proposals < 1) {
            throw new IllegalArgumentException("maxOpenConsortia and proposals must be ≥ 1");
        }
        double sum = coverage + complementarity + interest + experience + sizeFit;
        if (coverage < 0
                || complementarity < 0
                || interest < 0
                || experience < 0
                || sizeFit < 0
                || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("score weights must be ≥ 0 and sum to 1, not " + sum);
        }
    }

    /** Coverage first; the other four break ties between teams that cover alike. */
    public static MatchingRules defaults() {
        return new MatchingRules(false, 3, 5, 0.55, 0.15, 0.12, 0.10, 0.08);
    }

    public MatchingRules withTwoSeats(boolean allowed) {
        return new MatchingRules(
                allowed, maxOpenConsortia, proposals, coverage, complementarity, interest, experience, sizeFit);
    }

    public MatchingRules withProposals(int n) {
        return new MatchingRules(
                allowTwoSeats, maxOpenConsortia, n, coverage, complementarity, interest, experience, sizeFit);
    }

    public MatchingRules withMaxOpenConsortia(int n) {
        return new MatchingRules(allowTwoSeats, n, proposals, coverage, complementarity, interest, experience, sizeFit);
    }
}
