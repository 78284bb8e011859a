package org.commonground.analysis;

/**
 * What the paired evidence says about a gap between two rounds. The gap is the absolute difference of
 * the two cohorts' agree rates among the people who voted on the statement in both rounds.
 */
public enum GapVerdict {
    /** The 95% interval of the change of the absolute gap lies wholly below 0. */
    SHRANK,
    /** The 95% interval lies wholly above 0. */
    GREW,
    /** The interval includes 0: the data do not show a change either way. */
    NO_CLEAR_CHANGE,
    /** One cohort has fewer than {@link CrossRoundOptions#minPairedPerCohort()} people who voted in both rounds. */
    TOO_FEW
}
