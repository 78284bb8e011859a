package org.commonground.analysis;

/**
 * How the gap between two cohorts on one carried statement changed between two rounds, measured on
 * the same people: those of each cohort who voted on it in both rounds (a person whose cohort answer
 * differs between the rounds is left out). Gaps are first's agree rate minus second's among them.
 *
 * @param fromRound    the earlier round index
 * @param toRound      the later round index
 * @param pairedFirst  people of the first cohort who voted on the statement in both rounds, ≥ 0
 * @param pairedSecond people of the second cohort who did, ≥ 0
 * @param gapBefore    their gap in the earlier round, in [−1, 1] (×100 for percentage points); 0 with nobody
 * @param gapAfter     their gap in the later round, in [−1, 1]
 * @param change       |gapAfter| − |gapBefore|, in [−1, 1]: negative means the cohorts moved closer
 * @param low          lower end of the 95% paired bootstrap percentile interval of {@code change} (resampling
 *                     people within each cohort), in [−1, 1]; −1 when the verdict is {@link GapVerdict#TOO_FEW}
 * @param high         upper end of that interval, in [−1, 1]; 1 when the verdict is TOO_FEW
 * @param verdict      SHRANK when high &lt; 0, GREW when low &gt; 0, TOO_FEW below the minimum per cohort,
 *                     otherwise NO_CLEAR_CHANGE
 */
public record PairedGapChange(
        int fromRound,
        int toRound,
        int pairedFirst,
        int pairedSecond,
        double gapBefore,
        double gapAfter,
        double change,
        double low,
        double high,
        GapVerdict verdict) {
    /** People who voted on the statement in both rounds, both cohorts together. */
    public int paired() {
        return pairedFirst + pairedSecond;
    }
}
