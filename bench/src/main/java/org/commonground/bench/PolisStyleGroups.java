package org.commonground.bench;

import java.util.SplittableRandom;

/**
 * The Pol.is-style baseline as red-dwarf and scikit-learn reproductions run it: k-means directly on
 * the participants' map positions (k-means++ with 10 restarts, Lloyd to convergence), k = 2 … 5
 * chosen by the silhouette over participants (a seeded sample of 4,000 on larger maps, as
 * {@code silhouette_score(sample_size=…)} does).
 */
final class PolisStyleGroups {
    static final int RESTARTS = 10;
    static final int SILHOUETTE_SAMPLE = 4_000;

    private PolisStyleGroups() {}

    static int[] groups(double[] x, double[] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sample = sample(x.length, random.split());
        int[] chosen = null;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= Math.min(5, x.length); k++) {
            int[] best = null;
            double bestInertia = Double.POSITIVE_INFINITY;
            for (int r = 0; r < RESTARTS; r++) {
                int[] labels = new int[x.length];
                double inertia = lloyd(x, y, k, random.split(), labels);
                if (inertia < bestInertia) {
                    bestInertia = inertia;
                    best = labels;
                }
            }
            double score = silhouette(x, y, best, k, sample);
            if (score > chosenScore) {
                chosenScore = score;
                chosen = best;
            }
        }
        return chosen;
    }

    private static double lloyd(double[] x, double[] y, int k, SplittableRandom random, int[] labels) {
        int n = x.length;
        double[] cx = new double[k];
        double[] cy = new double[k];
        double[] d2 = new double[n];
        int first = random.nextInt(n);
        cx[0] = x[first];
        cy[0] = y[first];
        java.util.Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], sq(x[i] - cx[j - 1], y[i] - cy[j - 1]));
                total += d2[i];
            }
            double u = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u <= 0) {
                    pick = i;
                    break;
                }
            }
            cx[j] = x[pick];
            cy[j] = y[pick];
        }
        double inertia = 0;
        for (int iteration = 0; iteration < 300; iteration++) {
            boolean changed = iteration == 0;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double d = sq(x[i] - cx[j], y[i] - cy[j]);
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                changed |= labels[i] != best;
                labels[i] = best;
                inertia += bestD;
            }
            if (!changed) {
                break;
            }
            double[] sx = new double[k];
            double[] sy = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                sx[labels[i]] += x[i];
                sy[labels[i]] += y[i];
                count[labels[i]]++;
            }
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {
                    cx[j] = sx[j] / count[j];
                    cy[j] = sy[j] / count[j];
                }
            }
        }
        return inertia;
    }

    private static int[] sample(int n, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int m = Math.min(n, SILHOUETTE_SAMPLE);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, m);
    }

    /** Mean silhouette over the sample, distances to the other sampled points. */
    private static double silhouette(double[] x, double[] y, int[] labels, int k, int[] sample) {
        double total = 0;
        for (int i : sample) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : sample) {
                if (j != i) {
                    sum[labels[j]] += Math.sqrt(sq(x[i] - x[j], y[i] - y[j]));
                    count[labels[j]]++;
                }
            }
            int own = labels[i];
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int g = 0; g < k; g++) {
                if (g != own && count[g] > 0) {
                    b = Math.min(b, sum[g] / count[g]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / sample.length;
    }

    private static double sq(double dx, double dy) {
        return dx * dx + dy * dy;
    }
}
