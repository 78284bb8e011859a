package org.commonground.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paired bootstrap of the change of an absolute gap: people are resampled with replacement within
 * each cohort (so cohort sizes stay as observed), each keeping both of their votes, and the 95%
 * percentile interval of |gap after| − |gap before| is read off. A person is one of four patterns
 * ({@link PairedTallies}), so a resample is a multinomial draw of the four pattern counts ({@link Binomial}),
 * the same distribution as drawing people one by one, at a cost growing with √n instead of n.
 *
 * <p>Swapping the two rounds swaps the patterns "agreed before only" and "agreed after only". The
 * resampling always runs on the one of the two orientations that compares lower (and negates the
 * result for the other), so swapping the rounds negates the interval exactly, for any seed.
 */
final class GapBootstrap {
    private GapBootstrap() {}

    /** Gap before, gap after and the change of the absolute gap for pattern counts of the two cohorts. */
    static double[] point(int[] first, int[] second) {
        double before = rateBefore(first) - rateBefore(second);
        double after = rateAfter(first) - rateAfter(second);
        return new double[] {before, after, Math.abs(after) - Math.abs(before)};
    }

    /** The 95% percentile interval {low, high} of the change, in [−1, 1]. */
    static double[] interval(int[] first, int[] second, int resamples, long seed) {
        int[] swappedFirst = swap(first);
        int[] swappedSecond = swap(second);
        int order = compare(first, second, swappedFirst, swappedSecond);
        SplittableRandom random = new SplittableRandom(seed);
        double[] changes;
        if (order == 0) {
            // Symmetric counts: the bootstrap distribution is symmetric about 0, so each draw is used with its mirror.
            int half = (resamples + 1) / 2;
            changes = new double[2 * half];
            for (int i = 0; i < half; i++) {
                double change = resample(first, second, random);
                changes[2 * i] = change;
                changes[2 * i + 1] = -change;
            }
        } else {
            int[] a = order < 0 ? first : swappedFirst;
            int[] b = order < 0 ? second : swappedSecond;
            double sign = order < 0 ? 1 : -1;
            changes = new double[resamples];
            for (int i = 0; i < resamples; i++) {
                changes[i] = sign * resample(a, b, random);
            }
        }
        Arrays.sort(changes);
        int tail = (int) Math.floor(0.025 * changes.length);
        return new double[] {changes[tail], changes[changes.length - 1 - tail]};
    }

    private static double resample(int[] first, int[] second, SplittableRandom random) {
        long a = drawn(first, random);
        long b = drawn(second, random);
        int n = total(first);
        int m = total(second);
        double before = (double) (int) (a >>> 32) / n - (double) (int) (b >>> 32) / m;
        double after = (double) (int) a / n - (double) (int) b / m;
        return Math.abs(after) - Math.abs(before);
    }

    /**
     * One resample of a cohort, drawn as multinomial pattern counts by successive binomials:
     * agrees before in the high half of the result, agrees after in the low half.
     */
    private static long drawn(int[] counts, SplittableRandom random) {
        int n = total(counts);
        int neither = Binomial.draw(n, (double) counts[PairedTallies.NEITHER] / n, random);
        int rest = n - neither;
        int restCount = n - counts[PairedTallies.NEITHER];
        int afterOnly =
                restCount == 0 ? 0 : Binomial.draw(rest, (double) counts[PairedTallies.AFTER_ONLY] / restCount, random);
        rest -= afterOnly;
        restCount -= counts[PairedTallies.AFTER_ONLY];
        int beforeOnly = restCount == 0
                ? 0
                : Binomial.draw(rest, (double) counts[PairedTallies.BEFORE_ONLY] / restCount, random);
        int both = rest - beforeOnly;
        return (long) (beforeOnly + both) << 32 | (afterOnly + both);
    }

    private static int compare(int[] first, int[] second, int[] swappedFirst, int[] swappedSecond) {
        int c = Arrays.compare(first, swappedFirst);
        return c != 0 ? c : Arrays.compare(second, swappedSecond);
    }

    private static int[] swap(int[] counts) {
        int[] out = counts.clone();
        out[PairedTallies.AFTER_ONLY] = counts[PairedTallies.BEFORE_ONLY];
        out[PairedTallies.BEFORE_ONLY] = counts[PairedTallies.AFTER_ONLY];
        return out;
    }

    static int total(int[] counts) {
        return counts[0] + counts[1] + counts[2] + counts[3];
    }

    private static double rateBefore(int[] counts) {
        int n = total(counts);
        return n == 0 ? 0 : (double) (counts[PairedTallies.BEFORE_ONLY] + counts[PairedTallies.BOTH]) / n;
    }

    private static double rateAfter(int[] counts) {
        int n = total(counts);
        return n == 0 ? 0 : (double) (counts[PairedTallies.AFTER_ONLY] + counts[PairedTallies.BOTH]) / n;
    }
}
