package org.commonground.analysis;

/**
 * How to run the cross-round analysis. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param dimension          the cohort dimension whose values are compared pairwise ("country")
 * @param leadingPair        the pair reported first and in this orientation (JP–KR); other pairs follow in
 *                           alphabetical order; may be null
 * @param minPairedPerCohort people of each cohort who voted on a statement in both rounds before a change is
 *                           judged, ≥ 2; below it the verdict is {@link GapVerdict#TOO_FEW}. The default 30 is
 *                           where a percentile bootstrap of a proportion's change reaches close to its nominal
 *                           95% coverage unless the rate is near 0 or 1
 * @param resamples          paired bootstrap resamples per statement, cohort pair and pair of rounds, ≥ 100
 * @param seed               seeds every resample; same seed, same result, whatever the thread count
 * @param threads            worker threads; 0 means all available processors
 */
public record CrossRoundOptions(
        String dimension, CohortPair leadingPair, int minPairedPerCohort, int resamples, long seed, int threads) {
    public static final int DEFAULT_MIN_PAIRED_PER_COHORT = 30;
    public static final int DEFAULT_RESAMPLES = 1000;

    public CrossRoundOptions {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("dimension must not be blank");
        }
        if (minPairedPerCohort < 2 || resamples < 100 || threads < 0) {
            throw new IllegalArgumentException(
                    "minPairedPerCohort must be at least 2, resamples at least 100, threads not negative");
        }
    }

    public static CrossRoundOptions defaults() {
        return new CrossRoundOptions(
                "country", new CohortPair("JP", "KR"), DEFAULT_MIN_PAIRED_PER_COHORT, DEFAULT_RESAMPLES, 1, 0);
    }

    public CrossRoundOptions withSeed(long newSeed) {
        return new CrossRoundOptions(dimension, leadingPair, minPairedPerCohort, resamples, newSeed, threads);
    }

    public CrossRoundOptions withThreads(int newThreads) {
        return new CrossRoundOptions(dimension, leadingPair, minPairedPerCohort, resamples, seed, newThreads);
    }

    public CrossRoundOptions withMinPairedPerCohort(int min) {
        return new CrossRoundOptions(dimension, leadingPair, min, resamples, seed, threads);
    }

    public CrossRoundOptions withResamples(int newResamples) {
        return new CrossRoundOptions(dimension, leadingPair, minPairedPerCohort, newResamples, seed, threads);
    }

    public CrossRoundOptions withLeadingPair(CohortPair pair) {
        return new CrossRoundOptions(dimension, pair, minPairedPerCohort, resamples, seed, threads);
    }
}
