package org.commonground.analysis;

/** Interval estimates for proportions; every result is finite and within [0, 1] (or [−1, 1] for differences). */
final class Proportions {
    /** Two-sided 95%. */
    static final double Z_95 = 1.959963984540054;

    private Proportions() {}

    /** Wilson score interval {low, high} for successes out of n; [0, 1] when n = 0 (nothing known). */
    static double[] wilson(int successes, int n) {
        if (n <= 0) {
            return new double[] {0.0, 1.0};
        }
        double p = (double) successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // The clamps to p only remove rounding residue at p = 0 or 1.
        return new double[] {clamp(Math.min(centre - half, p), 0, 1), clamp(Math.max(centre + half, p), 0, 1)};
    }

    /**
     * Newcombe's hybrid score interval (his method 10) for p1 − p2, built from the two Wilson
     * intervals: it keeps good coverage for small cohorts and rates near 0 or 1, where the Wald
     * interval of a difference fails.
     */
    static double[] newcombe(int successes1, int n1, int successes2, int n2) {
        double p1 = n1 > 0 ? (double) successes1 / n1 : 0;
        double p2 = n2 > 0 ? (double) successes2 / n2 : 0;
        double[] w1 = wilson(successes1, n1);
        double[] w2 = wilson(successes2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new double[] {clamp(Math.min(low, d), -1, 1), clamp(Math.max(high, d), -1, 1)};
    }

    private static double square(double x) {
        return x * x;
    }

    static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
