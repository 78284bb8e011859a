package org.commonground.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Community-Notes-style bridging: fits r̂ = μ + i_p + i_s + f_p·f_s to agree = 1 / disagree = 0 (passes
 * are not ratings and are left out) and reports the statement intercept i_s as its bridging score:
 * the agreement a statement earns beyond what the participants' one-dimensional viewpoint f_p
 * explains.
 *
 * <p>The objective is Community Notes' own: mean squared error plus λ times the mean square of each
 * factor table and 5λ times the mean square of each intercept table (λ = 0.03); μ is left free. Written as
 * a sum over votes, the per-row penalty is therefore λ·(votes / rows of that table), which is what
 * makes the closed-form alternating-least-squares updates below match it. Iterates to a relative
 * change of the statement parameters below {@link #TOLERANCE}, not a fixed number of epochs.
 */
final class Bridging {
    static final double FACTOR_L2 = 0.03;
    static final double INTERCEPT_L2 = 5 * FACTOR_L2;
    /** Largest change of any statement parameter or μ in one sweep, in agree-probability units. */
    static final double TOLERANCE = 1e-5;
    static final int MAX_SWEEPS = 2000;

    final double[] intercept;
    final double[] factor;
    final double globalIntercept;
    final int sweeps;
    /** The last sweep changed no parameter by {@link #TOLERANCE} or more (false: the sweep budget ran out first). */
    final boolean converged;

    private Bridging(double[] intercept, double[] factor, double globalIntercept, int sweeps, boolean converged) {
        this.intercept = intercept;
        this.factor = factor;
        this.globalIntercept = globalIntercept;
        this.sweeps = sweeps;
        this.converged = converged;
    }

    static Bridging fit(VoteMatrix m, double[] startFactor, double[][] warm, long seed, Parallel parallel) {
        return fit(m, startFactor, warm, seed, parallel, MAX_SWEEPS);
    }

    /**
     * @param startFactor statement factors to start from when there is no warm start (the first
     *                    principal component: already the main axis of disagreement)
     * @param warm        {intercepts, factors} per statement from a previous run, or null
     * @param maxSweeps   most sweeps in this call, ≥ 1
     */
    static Bridging fit(VoteMatrix m, double[] startFactor, double[][] warm, long seed, Parallel parallel, int maxSweeps) {
        int participants = m.participantCount();
        int statements = m.statementCount();
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        long ratings = 0;
        double sum = 0;
        int[] ratingsOfStatement = new int[statements];
        boolean[] ratedBy = new boolean[participants];
        int raters = 0;
        for (int p = 0; p < participants; p++) {
            boolean rated = false;
            for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                int code = cells[k] & 3;
                if (code != VoteMatrix.PASS) {
                    ratings++;
                    sum += code == VoteMatrix.AGREE ? 1 : 0;
                    ratingsOfStatement[cells[k] >>> 2]++;
                    rated = true;
                }
            }
            if (rated) {
                raters++;
                ratedBy[p] = true;
            }
        }
        double[] is = new double[statements];
        double[] fs = new double[statements];
        double[] ip = new double[participants];
        double[] fp = new double[participants];
        if (ratings == 0) {
            return new Bridging(is, fs, 0, 0, true);
        }
        int ratedStatements = 0;
        for (int c : ratingsOfStatement) {
            if (c > 0) {
                ratedStatements++;
            }
        }
        double participantWeight = (double) ratings / raters;
        double statementWeight = (double) ratings / ratedStatements;
        double mu = sum / ratings;
        SplittableRandom random = new SplittableRandom(seed ^ 0xB1D6E5L);
        double startNorm = startFactor == null ? 0 : PrincipalComponents.norm(startFactor);
        boolean warmStart = warm != null && PrincipalComponents.norm(warm[1]) > 0;
        if (warmStart && warm.length > 2) {
            mu = warm[2][0];
        }
        for (int s = 0; s < statements; s++) {
            if (warmStart) {
                is[s] = warm[0][s];
                fs[s] = warm[1][s];
                continue;
            }
            fs[s] = startNorm > 0 ? 0.5 * startFactor[s] / startNorm * Math.sqrt(statements) : random.nextDouble(-0.1, 0.1);
        }
        int chunks = Parallel.chunks(participants);
        double[][] partial = new double[chunks][5 * statements];
        int sweep = 0;
        boolean converged = false;
        while (sweep < maxSweeps) {
            sweep++;
            double muNow = mu;
            parallel.forEach(participants, chunks, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                for (int p = from; p < to; p++) {
                    double n = 0;
                    double sf = 0;
                    double sff = 0;
                    double sy = 0;
                    double syf = 0;
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int code = cells[k] & 3;
                        if (code == VoteMatrix.PASS) {
                            continue;
                        }
                        int s = cells[k] >>> 2;
                        double y = (code == VoteMatrix.AGREE ? 1 : 0) - muNow - is[s];
                        n++;
                        sf += fs[s];
                        sff += fs[s] * fs[s];
                        sy += y;
                        syf += y * fs[s];
                    }
                    solve(n + participantWeight * INTERCEPT_L2, sf, sff + participantWeight * FACTOR_L2, sy, syf, ip, fp, p);
                    double i = ip[p];
                    double f = fp[p];
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int code = cells[k] & 3;
                        if (code == VoteMatrix.PASS) {
                            continue;
                        }
                        int b = 5 * (cells[k] >>> 2);
                        double y = (code == VoteMatrix.AGREE ? 1 : 0) - muNow - i;
                        acc[b] += 1;
                        acc[b + 1] += f;
                        acc[b + 2] += f * f;
                        acc[b + 3] += y;
                        acc[b + 4] += y * f;
                    }
                }
            });
            double[] stats = Parallel.sumInOrder(partial);
            double[] before = new double[2 * statements];
            for (int st = 0; st < statements; st++) {
                before[2 * st] = is[st];
                before[2 * st + 1] = fs[st];
            }
            double residualSum = 0;
            for (int st = 0; st < statements; st++) {
                int b = 5 * st;
                solve(stats[b] + statementWeight * INTERCEPT_L2, stats[b + 1], stats[b + 2] + statementWeight * FACTOR_L2,
                        stats[b + 3], stats[b + 4], is, fs, st);
                // Σ over this statement's ratings of r − μ − i_p − i_s − f_p·f_s, from the sufficient statistics.
                residualSum += stats[b + 3] - stats[b] * is[st] - fs[st] * stats[b + 1];
            }
            // Closed-form μ given everything else. μ is not penalised: the mean agree rate belongs to μ,
            // so that i_s reads as agreement above the conversation's average.
            mu = muNow + residualSum / ratings;
            // Moving the mean of the penalised intercepts into μ leaves every prediction unchanged and
            // lowers the penalty; block updates alone crawl along that direction for dozens of sweeps.
            double participantShift = 0;
            for (int p = 0; p < participants; p++) {
                if (ratedBy[p]) {
                    participantShift += ip[p];
                }
            }
            participantShift /= raters;
            double statementShift = 0;
            for (int st = 0; st < statements; st++) {
                if (ratingsOfStatement[st] > 0) {
                    statementShift += is[st];
                }
            }
            statementShift /= ratedStatements;
            for (int p = 0; p < participants; p++) {
                if (ratedBy[p]) {
                    ip[p] -= participantShift;
                }
            }
            for (int st = 0; st < statements; st++) {
                if (ratingsOfStatement[st] > 0) {
                    is[st] -= statementShift;
                }
            }
            mu += participantShift + statementShift;
            double change = Math.abs(mu - muNow);
            for (int st = 0; st < statements; st++) {
                change = Math.max(change, Math.max(Math.abs(is[st] - before[2 * st]), Math.abs(fs[st] - before[2 * st + 1])));
            }
            if (change < TOLERANCE) {
                converged = true;
                break;
            }
        }
        return new Bridging(is, fs, mu, sweep, converged);
    }

    /** Ridge solution of the 2×2 normal equations [a b; b d]·(i, f) = (y, yf). */
    private static void solve(double a, double b, double d, double y, double yf, double[] intercept, double[] factor, int at) {
        double det = a * d - b * b;
        if (!(det > 0)) {
            intercept[at] = 0;
            factor[at] = 0;
            return;
        }
        intercept[at] = (d * y - b * yf) / det;
        factor[at] = (a * yf - b * y) / det;
    }

    List<AnalysisResult.BridgingScore> scores(VoteMatrix m) {
        List<AnalysisResult.BridgingScore> out = new ArrayList<>(intercept.length);
        for (int s = 0; s < intercept.length; s++) {
            out.add(new AnalysisResult.BridgingScore(m.statementId(s), Representativeness.finite(intercept[s]),
                    Representativeness.finite(factor[s])));
        }
        out.sort(Comparator.comparingDouble(AnalysisResult.BridgingScore::score).reversed()
                .thenComparingLong(AnalysisResult.BridgingScore::statement));
        return List.copyOf(out);
    }
}
