package org.commonground.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Everything the cross-round analysis computes for a series of rounds, immutable. Every number is finite.
 *
 * @param cohortValues    values of the options' dimension held by someone in any round, ascending
 * @param pairs           the cohort pairs compared, the leading pair (JP–KR) first
 * @param trends          every carried statement for every pair: pairs in the order of {@code pairs}, then by carried index
 * @param transitions     group movement for each two consecutive rounds that both have an engine result
 * @param analysisSeconds wall-clock seconds spent in {@link CrossRoundAnalysis#run}, ≥ 0
 */
public record CrossRoundResult(
        List<String> cohortValues,
        List<CohortPair> pairs,
        List<StatementTrend> trends,
        List<GroupTransitions> transitions,
        double analysisSeconds) {
    public Optional<StatementTrend> trend(int carried, CohortPair pair) {
        return trends.stream()
                .filter(t -> t.carried() == carried && t.pair().equals(pair))
                .findFirst();
    }

    public Optional<GroupTransitions> transitions(int fromRound) {
        return transitions.stream().filter(t -> t.fromRound() == fromRound).findFirst();
    }
}
