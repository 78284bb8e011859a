package org.commonground.analysis;

import java.util.List;

/**
 * One carried statement seen by one cohort pair over the rounds.
 *
 * @param carried index of the statement in the series' carried-statement table
 * @param pair    the two cohorts
 * @param rounds  per-round gaps, oldest first, for the rounds the statement was in
 * @param changes paired changes: each pair of consecutive rounds the statement was in, then (with three or
 *                more such rounds) its first round to its last
 */
public record StatementTrend(int carried, CohortPair pair, List<RoundGap> rounds, List<PairedGapChange> changes) {}
