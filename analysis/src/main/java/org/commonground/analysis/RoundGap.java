package org.commonground.analysis;

/**
 * Two cohorts on one carried statement in one round, counting everyone who voted on it then
 * (returning or not).
 *
 * @param round     round index, 0 = the first round of the series
 * @param statement the statement's id in that round
 * @param first     the first cohort's tally; its agree rate and 95% Wilson interval are in [0, 1]
 * @param second    the second cohort's tally
 * @param gap       first's agree rate minus second's, in [−1, 1] (×100 for percentage points); 0 when a cohort has no votes
 * @param low       lower end of the 95% Newcombe hybrid score interval of the gap, in [−1, 1]
 * @param high      upper end of that interval, in [−1, 1]; [−1, 1]-wide bounds mean almost nothing is known
 */
public record RoundGap(int round, long statement, Tally first, Tally second, double gap, double low, double high) {}
