package org.commonground.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted k-means on 2-D points (Lloyd's algorithm). Deterministic: seeding is k-means++ from a
 * seeded generator, distance ties go to the lower cluster index, and centre sums are combined in
 * chunk order. Empty clusters are dropped, as Pol.is does.
 */
final class KMeans {
    /** Pol.is stops base clustering after 20 steps; groups (at most 100 points) may take more. */
    static final int MAX_ITERATIONS = 100;

    /** Cluster centres and each point's cluster; assignment[i] indexes cx/cy. */
    record Clustering(double[] cx, double[] cy, double[] weight, int[] assignment, double inertia) {
        int k() {
            return cx.length;
        }
    }

    private KMeans() {}

    static Clustering run(double[] x, double[] y, double[] w, double[] initX, double[] initY, Parallel parallel) {
        return run(x, y, w, initX, initY, MAX_ITERATIONS, parallel);
    }

    /**
     * Lloyd's iterations with Hamerly's bounds: a point whose distance to its centre is below half
     * the gap to the next centre, and below its lower bound to every other centre, cannot change
     * cluster and is not rescanned. Same assignments as plain Lloyd, a fraction of the distance
     * computations once the centres settle (100 base clusters × a million participants).
     */
    static Clustering run(
            double[] x, double[] y, double[] w, double[] initX, double[] initY, int maxIterations, Parallel parallel) {
        int n = x.length;
        int k = initX.length;
        double[] cx = initX.clone();
        double[] cy = initY.clone();
        int[] assignment = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        int chunks = Parallel.chunks(n);
        double[][] partial = new double[chunks][3 * k + 1];
        double[] halfGap = new double[k];
        double[] moved = new double[k];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean first = iteration == 0;
            for (int j = 0; j < k; j++) {
                double nearest = Double.MAX_VALUE;
                for (int h = 0; h < k; h++) {
                    if (h != j) {
                        nearest = Math.min(nearest, distance(cx[j] - cx[h], cy[j] - cy[h]));
                    }
                }
                halfGap[j] = nearest / 2;
            }
            double[] fx = cx;
            double[] fy = cy;
            parallel.forEach(n, chunks, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                for (int i = from; i < to; i++) {
                    int a = assignment[i];
                    boolean rescan = first;
                    if (!first) {
                        double bound = Math.max(halfGap[a], lower[i]);
                        if (upper[i] > bound) {
                            upper[i] = distance(x[i] - fx[a], y[i] - fy[a]);
                            rescan = upper[i] > bound;
                        }
                    }
                    if (rescan) {
                        int best = 0;
                        double d1 = Double.MAX_VALUE;
                        double d2 = Double.MAX_VALUE;
                        for (int j = 0; j < fx.length; j++) {
                            double dx = x[i] - fx[j];
                            double dy = y[i] - fy[j];
                            double d = dx * dx + dy * dy;
                            if (d < d1) {
                                d2 = d1;
                                d1 = d;
                                best = j;
                            } else if (d < d2) {
                                d2 = d;
                            }
                        }
                        if (first || best != a) {
                            acc[3 * k] += 1;
                        }
                        assignment[i] = best;
                        upper[i] = Math.sqrt(d1);
                        lower[i] = Math.sqrt(d2);
                        a = best;
                    }
                    double wi = w == null ? 1.0 : w[i];
                    acc[3 * a] += wi * x[i];
                    acc[3 * a + 1] += wi * y[i];
                    acc[3 * a + 2] += wi;
                }
            });
            double[] sums = Parallel.sumInOrder(partial);
            double[] nx = cx.clone();
            double[] ny = cy.clone();
            double largest = 0;
            double second = 0;
            int largestAt = -1;
            for (int j = 0; j < k; j++) {
                if (sums[3 * j + 2] > 0) {
                    nx[j] = sums[3 * j] / sums[3 * j + 2];
                    ny[j] = sums[3 * j + 1] / sums[3 * j + 2];
                }
                moved[j] = distance(nx[j] - cx[j], ny[j] - cy[j]);
                if (moved[j] > largest) {
                    second = largest;
                    largest = moved[j];
                    largestAt = j;
                } else if (moved[j] > second) {
                    second = moved[j];
                }
            }
            cx = nx;
            cy = ny;
            if (sums[3 * k] == 0 && !first) {
                break;
            }
            for (int i = 0; i < n; i++) {
                upper[i] += moved[assignment[i]];
                lower[i] -= assignment[i] == largestAt ? second : largest;
            }
        }
        return compact(x, y, w, cx, cy, assignment);
    }

    /**
     * k-means++ seeding, continuing from any given centres (warm start) until k centres or no spread
     * left. Given centres that already fill k are returned as they are (no distance is needed); each
     * new centre costs one pass that lowers every point's squared distance and sums the masses, and
     * part of a pass to find the point the draw lands on.
     */
    static double[][] seed(
            double[] x, double[] y, double[] w, int k, double[] givenX, double[] givenY, SplittableRandom random) {
        int n = x.length;
        double[] cx = new double[k];
        double[] cy = new double[k];
        int have = 0;
        if (givenX != null) {
            for (int j = 0; j < givenX.length && have < k; j++) {
                cx[have] = givenX[j];
                cy[have] = givenY[j];
                have++;
            }
        }
        if (n == 0 || have == k) {
            return new double[][] {Arrays.copyOf(cx, have), Arrays.copyOf(cy, have)};
        }
        double[] d2 = new double[n];
        if (have == 0) {
            int first = pick(w, null, n, total(w, null, n), random);
            cx[0] = x[first];
            cy[0] = y[first];
            have = 1;
        }
        Arrays.fill(d2, Double.MAX_VALUE);
        double total = 0;
        for (int j = 0; j < have; j++) {
            total = lower(x, y, w, cx[j], cy[j], d2);
        }
        while (have < k) {
            if (!(total > 0)) {
                break;
            }
            int next = pick(w, d2, n, total, random);
            cx[have] = x[next];
            cy[have] = y[next];
            total = lower(x, y, w, cx[have], cy[have], d2);
            have++;
        }
        return new double[][] {Arrays.copyOf(cx, have), Arrays.copyOf(cy, have)};
    }

    /** Lowers each point's squared distance to the nearest centre by the new centre; returns Σ w·d². */
    private static double lower(double[] x, double[] y, double[] w, double cx, double cy, double[] d2) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - cx;
            double dy = y[i] - cy;
            double d = dx * dx + dy * dy;
            if (d < d2[i]) {
                d2[i] = d;
            }
            total += (w == null ? 1.0 : w[i]) * d2[i];
        }
        return total;
    }

    private static double total(double[] w, double[] d2, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += (w == null ? 1.0 : w[i]) * (d2 == null ? 1.0 : d2[i]);
        }
        return total;
    }

    /** The point a uniform draw in [0, total) lands on, with masses w·d² summed in index order. */
    private static int pick(double[] w, double[] d2, int n, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double running = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double mass = (w == null ? 1.0 : w[i]) * (d2 == null ? 1.0 : d2[i]);
            if (mass > 0) {
                last = i;
                running += mass;
                if (running > target) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Plain √(dx² + dy²): Math.hypot guards against overflow we cannot have, at several times the cost. */
    static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * The first k distinct points in ascending (x, y) order, as {@code np.unique(X, axis=0)[:k]}: the
     * start red-dwarf gives scikit-learn's k-means. Fewer when there are fewer distinct points.
     */
    static double[][] firstDistinct(double[] x, double[] y, int k) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order, java.util.Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        double[] cx = new double[k];
        double[] cy = new double[k];
        int have = 0;
        for (int j = 0; j < order.length && have < k; j++) {
            int i = order[j];
            if (have == 0 || x[i] != cx[have - 1] || y[i] != cy[have - 1]) {
                cx[have] = x[i];
                cy[have] = y[i];
                have++;
            }
        }
        return new double[][] {Arrays.copyOf(cx, have), Arrays.copyOf(cy, have)};
    }

    private static Clustering compact(double[] x, double[] y, double[] w, double[] cx, double[] cy, int[] assignment) {
        int k = cx.length;
        double[] weight = new double[k];
        int[] members = new int[k];
        for (int i = 0; i < x.length; i++) {
            weight[assignment[i]] += w == null ? 1.0 : w[i];
            members[assignment[i]]++;
        }
        int[] renumber = new int[k];
        int kept = 0;
        for (int j = 0; j < k; j++) {
            renumber[j] = members[j] > 0 ? kept++ : -1;
        }
        double[] kx = new double[kept];
        double[] ky = new double[kept];
        double[] kw = new double[kept];
        for (int j = 0; j < k; j++) {
            if (renumber[j] >= 0) {
                kx[renumber[j]] = cx[j];
                ky[renumber[j]] = cy[j];
                kw[renumber[j]] = weight[j];
            }
        }
        double inertia = 0;
        for (int i = 0; i < x.length; i++) {
            assignment[i] = renumber[assignment[i]];
            double dx = x[i] - kx[assignment[i]];
            double dy = y[i] - ky[assignment[i]];
            inertia += (w == null ? 1.0 : w[i]) * (dx * dx + dy * dy);
        }
        return new Clustering(kx, ky, kw, assignment, inertia);
    }

    /**
     * Pol.is's silhouette over base clusters: each base cluster's silhouette from plain mean distances
     * to the other base clusters, averaged without weights. Weighting by member counts (closer to a
     * participant-level silhouette) was tried and picked more groups than Pol.is on its own open data.
     */
    static double silhouette(double[] x, double[] y, int[] assignment, int k) {
        int n = x.length;
        double total = 0;
        double[] distanceTo = new double[k];
        double[] massOf = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(distanceTo, 0.0);
            Arrays.fill(massOf, 0.0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double d = distance(x[i] - x[j], y[i] - y[j]);
                    distanceTo[assignment[j]] += d;
                    massOf[assignment[j]] += 1;
                }
            }
            int own = assignment[i];
            double s;
            if (massOf[own] == 0) {
                s = 0;
            } else {
                double a = distanceTo[own] / massOf[own];
                double b = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    if (c != own && massOf[c] > 0) {
                        b = Math.min(b, distanceTo[c] / massOf[c]);
                    }
                }
                s = b == Double.MAX_VALUE || Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
            }
            total += s;
        }
        return n > 0 ? total / n : 0;
    }
}
