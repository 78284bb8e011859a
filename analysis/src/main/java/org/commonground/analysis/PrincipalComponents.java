package org.commonground.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The first two principal components of the vote matrix of the participants in the map, as Pol.is
 * computes them: missing votes imputed with the statement's mean vote, columns centred. After
 * centring an imputed cell is exactly zero, so XᵀX·v is computed from the stored votes alone and
 * no dense participants × statements matrix ever exists.
 *
 * <p>Block power iteration on both components at once with a Rayleigh–Ritz rotation each step; it
 * stops when both directions move less than {@link #TOLERANCE} (1 − |cos|), from a seeded random
 * start or from the previous result's components (warm start).
 */
final class PrincipalComponents {
    static final double TOLERANCE = 1e-9;

    static final int MAX_ITERATIONS = 300;

    final double[] mean;
    final double[] first;
    final double[] second;
    final int iterations;

    PrincipalComponents(double[] mean, double[] first, double[] second, int iterations) {
        this.mean = mean;
        this.first = first;
        this.second = second;
        this.iterations = iterations;
    }

    /**
     * The given axes with this matrix's own column means: convergence windows keep the final axes so
     * that distances on their maps are measured in one coordinate system across windows.
     */
    static PrincipalComponents fixedAxes(VoteMatrix m, int[] rows, PrincipalComponents axes, Parallel parallel) {
        return new PrincipalComponents(columnMeans(m, rows, parallel), axes.first, axes.second, 0);
    }

    static PrincipalComponents compute(
            VoteMatrix m, int[] rows, double[] warmFirst, double[] warmSecond, long seed, Parallel parallel) {
        int statements = m.statementCount();
        double[] mean = columnMeans(m, rows, parallel);
        double[] v1 = new double[statements];
        double[] v2 = new double[statements];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int s = 0; s < statements; s++) {
            v1[s] = random.nextDouble(-1, 1);
            v2[s] = random.nextDouble(-1, 1);
        }
        boolean warm = warmFirst != null && norm(warmFirst) > 0;
        if (warm) {
            System.arraycopy(warmFirst, 0, v1, 0, statements);
            if (warmSecond != null && norm(warmSecond) > 0) {
                System.arraycopy(warmSecond, 0, v2, 0, statements);
            }
        }
        orthonormalise(v1, v2);
        int chunks = Parallel.chunks(rows.length);
        double[][] partial = new double[chunks][2 * statements];
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        int iteration = 0;
        boolean rankOne = false;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            // One table indexed by the cell itself (statement << 2 | code): the centred vote x and its
            // products with both directions, so a vote costs loads and adds, with no decoding, no
            // subtraction and no multiplication in the first pass. The products are the same doubles
            // as computed in place, so the sums are too.
            double[] table = new double[3 * 4 * statements];
            for (int s = 0; s < statements; s++) {
                for (int code = 0; code < 3; code++) {
                    int t = 3 * VoteMatrix.cell(s, code);
                    double x = VoteMatrix.VALUE[code] - mean[s];
                    table[t] = x;
                    table[t + 1] = x * v1[s];
                    table[t + 2] = x * v2[s];
                }
            }
            parallel.forEach(rows.length, chunks, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                for (int i = from; i < to; i++) {
                    int p = rows[i];
                    double x1 = 0;
                    double x2 = 0;
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int t = 3 * cells[k];
                        x1 += table[t + 1];
                        x2 += table[t + 2];
                    }
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int cell = cells[k];
                        double x = table[3 * cell];
                        int s2 = 2 * VoteMatrix.statementOf(cell);
                        acc[s2] += x * x1;
                        acc[s2 + 1] += x * x2;
                    }
                }
            });
            double[] w = Parallel.sumInOrder(partial);
            double[] w1 = new double[statements];
            double[] w2 = new double[statements];
            for (int s = 0; s < statements; s++) {
                w1[s] = w[2 * s];
                w2[s] = w[2 * s + 1];
            }
            // Rayleigh–Ritz: rotate within span{v1, v2} so the first column tracks the top eigenvector.
            double h11 = dot(v1, w1);
            double h22 = dot(v2, w2);
            double h12 = 0.5 * (dot(v1, w2) + dot(v2, w1));
            double half = 0.5 * (h11 - h22);
            double root = Math.sqrt(half * half + h12 * h12);
            double top = 0.5 * (h11 + h22) + root;
            double bottom = 0.5 * (h11 + h22) - root;
            double qx;
            double qy;
            if (root == 0) {
                qx = 1;
                qy = 0;
            } else if (half >= 0) {
                qx = half + root;
                qy = h12;
            } else {
                qx = h12;
                qy = root - half;
            }
            double qn = Math.hypot(qx, qy);
            qx /= qn;
            qy /= qn;
            double[] u1 = new double[statements];
            double[] u2 = new double[statements];
            for (int s = 0; s < statements; s++) {
                u1[s] = qx * w1[s] + qy * w2[s];
                u2[s] = -qy * w1[s] + qx * w2[s];
            }
            rankOne = !(bottom > 1e-12 * Math.max(top, Double.MIN_NORMAL));
            if (!(top > 0)) {
                return new PrincipalComponents(mean, new double[statements], new double[statements], iteration);
            }
            orthonormalise(u1, u2);
            if (rankOne) {
                Arrays.fill(u2, 0.0);
            }
            alignSign(u1, v1);
            alignSign(u2, v2);
            boolean converged =
                    1 - Math.abs(dot(u1, v1)) < TOLERANCE && (rankOne || 1 - Math.abs(dot(u2, v2)) < TOLERANCE);
            v1 = u1;
            v2 = u2;
            if (converged) {
                break;
            }
        }
        if (warm) {
            alignSign(v1, warmFirst);
            if (warmSecond != null) {
                alignSign(v2, warmSecond);
            }
        } else {
            makeLargestPositive(v1);
            makeLargestPositive(v2);
        }
        return new PrincipalComponents(mean, v1, v2, iteration);
    }

    /**
     * These axes with scikit-learn's sign rule for PCA (red-dwarf's): each axis points so that the
     * participant with the largest absolute score on it (unscaled, the first such in row order, as
     * {@code np.argmax}) scores positive. Our default sign (the largest statement loading positive) is
     * as arbitrary, but red-dwarf starts k-means from the points with the smallest coordinates, so
     * its groups depend on it.
     */
    PrincipalComponents signedByScores(VoteMatrix m, int[] rows) {
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        double top1 = 0;
        double top2 = 0;
        for (int p : rows) {
            double x1 = 0;
            double x2 = 0;
            for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                int s = VoteMatrix.statementOf(cells[k]);
                double v = VoteMatrix.valueOf(cells[k]) - mean[s];
                x1 += v * first[s];
                x2 += v * second[s];
            }
            top1 = Math.abs(x1) > Math.abs(top1) ? x1 : top1;
            top2 = Math.abs(x2) > Math.abs(top2) ? x2 : top2;
        }
        return new PrincipalComponents(mean, signed(first, top1), signed(second, top2), iterations);
    }

    private static double[] signed(double[] v, double score) {
        if (!(score < 0)) {
            return v;
        }
        double[] flipped = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            flipped[i] = -v[i] + 0.0;
        }
        return flipped;
    }

    /**
     * Pol.is's sparsity-aware projection: the dot product over the participant's own votes, scaled
     * by √(statements / votes) so that people who voted on few statements are not pulled to the centre.
     */
    void project(VoteMatrix m, int[] rows, double[] x, double[] y, Parallel parallel) {
        project(m, rows, 0, x, y, parallel);
    }

    /**
     * @param zeroed columns every participant has a 0 in besides their votes: Pol.is zeroes
     *               moderated-out statements instead of removing them, so they count both in the
     *               statements and in each participant's votes of the scale, √((S + z) / (votes + z))
     */
    void project(VoteMatrix m, int[] rows, int zeroed, double[] x, double[] y, Parallel parallel) {
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        double statements = m.statementCount() + zeroed;
        parallel.forEach(rows.length, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                int p = rows[i];
                double x1 = 0;
                double x2 = 0;
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int s = VoteMatrix.statementOf(cells[k]);
                    double v = VoteMatrix.valueOf(cells[k]) - mean[s];
                    x1 += v * first[s];
                    x2 += v * second[s];
                }
                double scale = Math.sqrt(statements / (Math.max(1, rowStart[p + 1] - rowStart[p]) + zeroed));
                // + 0.0 turns −0.0 into 0.0, which reads better in JSON and compares equal in records.
                x[i] = x1 * scale + 0.0;
                y[i] = x2 * scale + 0.0;
            }
        });
    }

    /** Where a lone agree on the statement would land, as Pol.is places statements on its map. */
    double[][] statementPositions() {
        int n = mean.length;
        double scale = Math.sqrt(n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = (1 - mean[s]) * first[s] * scale + 0.0;
            y[s] = (1 - mean[s]) * second[s] * scale + 0.0;
        }
        return new double[][] {x, y};
    }

    static double[] columnMeans(VoteMatrix m, int[] rows, Parallel parallel) {
        int statements = m.statementCount();
        double[] counts = codeCounts(m, rows, parallel);
        double[] mean = new double[statements];
        for (int s = 0; s < statements; s++) {
            double agree = counts[3 * s + VoteMatrix.AGREE];
            double disagree = counts[3 * s + VoteMatrix.DISAGREE];
            double votes = counts[3 * s + VoteMatrix.PASS] + agree + disagree;
            // Sums of ±1 and counts are exact integers in a double: the same mean as summing the votes.
            mean[s] = votes > 0 ? (agree - disagree) / votes : 0.0;
        }
        return mean;
    }

    /** Votes of the rows per statement and vote code: [3 · statement + code], code pass 0, agree 1, disagree 2. */
    static double[] codeCounts(VoteMatrix m, int[] rows, Parallel parallel) {
        int chunks = Parallel.chunks(rows.length);
        double[][] partial = new double[chunks][3 * m.statementCount()];
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        parallel.forEach(rows.length, chunks, (c, from, to) -> {
            double[] acc = partial[c];
            for (int i = from; i < to; i++) {
                int p = rows[i];
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    acc[3 * VoteMatrix.statementOf(cells[k]) + VoteMatrix.codeOf(cells[k])]++;
                }
            }
        });
        return Parallel.sumInOrder(partial);
    }

    private static void orthonormalise(double[] a, double[] b) {
        scale(a);
        double d = dot(a, b);
        for (int i = 0; i < b.length; i++) {
            b[i] -= d * a[i];
        }
        scale(b);
    }

    private static void scale(double[] v) {
        double n = norm(v);
        if (n > 0 && Double.isFinite(n)) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        } else {
            Arrays.fill(v, 0.0);
        }
    }

    private static void alignSign(double[] v, double[] reference) {
        if (dot(v, reference) < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    private static void makeLargestPositive(double[] v) {
        int largest = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest]) + 1e-12) {
                largest = i;
            }
        }
        if (v.length > 0 && v[largest] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
