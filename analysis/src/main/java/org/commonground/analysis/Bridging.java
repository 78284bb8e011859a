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

    /** The fitted statement parameters and μ. */
    final BridgingState fitted;
    final int sweeps;
    /** The last sweep changed no parameter by {@link #TOLERANCE} or more (false: the sweep budget ran out first). */
    final boolean converged;

    private Bridging(BridgingState fitted, int sweeps, boolean converged) {
        this.fitted = fitted;
        this.sweeps = sweeps;
        this.converged = converged;
    }

    static Bridging fit(VoteMatrix m, double[] startFactor, BridgingState warm, long seed, Parallel parallel) {
        return fit(m, startFactor, warm, seed, parallel, MAX_SWEEPS);
    }

    /**
     * @param startFactor statement factors to start from when there is no warm start (the first
     *                    principal component: already the main axis of disagreement)
     * @param warm        the parameters of a previous fit on these statements, or null
     * @param maxSweeps   most sweeps in this call, ≥ 1
     */
    static Bridging fit(VoteMatrix m, double[] startFactor, BridgingState warm, long seed, Parallel parallel, int maxSweeps) {
        Ratings ratings = Ratings.count(m);
        int statements = m.statementCount();
        if (ratings.count == 0) {
            return new Bridging(new BridgingState(new double[statements], new double[statements], 0), 0, true);
        }
        Parameters fit = Parameters.start(m, ratings, startFactor, warm, seed);
        double[][] partial = new double[Parallel.chunks(m.participantCount())][STATS * statements];
        int sweep = 0;
        boolean converged = false;
        while (sweep < maxSweeps) {
            sweep++;
            if (fit.sweep(m, ratings, partial, parallel) < TOLERANCE) {
                converged = true;
                break;
            }
        }
        return new Bridging(new BridgingState(fit.is, fit.fs, fit.mu), sweep, converged);
    }

    /** Sufficient statistics per statement gathered by the participant step: n, Σf_p, Σf_p², Σy, Σy·f_p. */
    private static final int STATS = 5;

    /** Who rated what (agree or disagree): the counts that set the per-row penalties and the intercept centring. */
    private record Ratings(long count, double agrees, int[] ofStatement, boolean[] ratedBy, int raters, int ratedStatements) {
        static Ratings count(VoteMatrix m) {
            int participants = m.participantCount();
            int[] rowStart = m.rowStart();
            int[] cells = m.cells();
            long count = 0;
            double agrees = 0;
            int[] ofStatement = new int[m.statementCount()];
            boolean[] ratedBy = new boolean[participants];
            int raters = 0;
            for (int p = 0; p < participants; p++) {
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int cell = cells[k];
                    if (VoteMatrix.isRating(cell)) {
                        count++;
                        agrees += rating(cell);
                        ofStatement[VoteMatrix.statementOf(cell)]++;
                        ratedBy[p] = true;
                    }
                }
                if (ratedBy[p]) {
                    raters++;
                }
            }
            int ratedStatements = 0;
            for (int c : ofStatement) {
                if (c > 0) {
                    ratedStatements++;
                }
            }
            return new Ratings(count, agrees, ofStatement, ratedBy, raters, ratedStatements);
        }

        /** Per-participant penalty weight: ratings per rater (Community Notes' mean over rows, written as a sum over ratings). */
        double participantWeight() {
            return (double) count / raters;
        }

        double statementWeight() {
            return (double) count / ratedStatements;
        }
    }

    /** A rating on the fitted scale: agree 1, disagree 0. */
    private static int rating(int cell) {
        return VoteMatrix.codeOf(cell) == VoteMatrix.AGREE ? 1 : 0;
    }

    /** The model's parameters while they are fitted: participants' (i_p, f_p), statements' (i_s, f_s), μ. */
    private static final class Parameters {
        final double[] ip;
        final double[] fp;
        final double[] is;
        final double[] fs;
        double mu;

        private Parameters(int participants, int statements, double mu) {
            this.ip = new double[participants];
            this.fp = new double[participants];
            this.is = new double[statements];
            this.fs = new double[statements];
            this.mu = mu;
        }

        /** From the warm start when it has factors; otherwise μ = mean rating, i_s = 0, f_s from the start factor (or small noise). */
        static Parameters start(VoteMatrix m, Ratings ratings, double[] startFactor, BridgingState warm, long seed) {
            int statements = m.statementCount();
            Parameters p = new Parameters(m.participantCount(), statements, ratings.agrees / ratings.count);
            if (warm != null && warm.hasFactors()) {
                p.mu = warm.mean();
                System.arraycopy(warm.intercept(), 0, p.is, 0, statements);
                System.arraycopy(warm.factor(), 0, p.fs, 0, statements);
                return p;
            }
            SplittableRandom random = new SplittableRandom(seed ^ 0xB1D6E5L);
            double startNorm = startFactor == null ? 0 : PrincipalComponents.norm(startFactor);
            for (int s = 0; s < statements; s++) {
                p.fs[s] = startNorm > 0 ? 0.5 * startFactor[s] / startNorm * Math.sqrt(statements) : random.nextDouble(-0.1, 0.1);
            }
            return p;
        }

        /** One ALS sweep: participants, statements, μ, then the intercept means into μ. Returns the largest change of μ or a statement parameter. */
        double sweep(VoteMatrix m, Ratings ratings, double[][] partial, Parallel parallel) {
            double muBefore = mu;
            double[] isBefore = is.clone();
            double[] fsBefore = fs.clone();
            double[] stats = solveParticipants(m, ratings.participantWeight(), partial, parallel);
            double residualSum = solveStatements(stats, ratings.statementWeight());
            // Closed-form μ given everything else. μ is not penalised: the mean agree rate belongs to μ,
            // so that i_s reads as agreement above the conversation's average.
            mu = muBefore + residualSum / ratings.count;
            centreIntercepts(ratings);
            double change = Math.abs(mu - muBefore);
            for (int s = 0; s < is.length; s++) {
                change = Math.max(change, Math.max(Math.abs(is[s] - isBefore[s]), Math.abs(fs[s] - fsBefore[s])));
            }
            return change;
        }

        /**
         * Solves every participant's (i_p, f_p) given the statements, and gathers the statements'
         * sufficient statistics ({@link #STATS} per statement) with the new participant values.
         */
        private double[] solveParticipants(VoteMatrix m, double participantWeight, double[][] partial, Parallel parallel) {
            int[] rowStart = m.rowStart();
            int[] cells = m.cells();
            double muNow = mu;
            double[] is = this.is;
            double[] fs = this.fs;
            double[] ip = this.ip;
            double[] fp = this.fp;
            parallel.forEach(m.participantCount(), partial.length, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                for (int p = from; p < to; p++) {
                    double n = 0;
                    double sf = 0;
                    double sff = 0;
                    double sy = 0;
                    double syf = 0;
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int cell = cells[k];
                        if (!VoteMatrix.isRating(cell)) {
                            continue;
                        }
                        int s = VoteMatrix.statementOf(cell);
                        double y = rating(cell) - muNow - is[s];
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
                        int cell = cells[k];
                        if (!VoteMatrix.isRating(cell)) {
                            continue;
                        }
                        int b = STATS * VoteMatrix.statementOf(cell);
                        double y = rating(cell) - muNow - i;
                        acc[b] += 1;
                        acc[b + 1] += f;
                        acc[b + 2] += f * f;
                        acc[b + 3] += y;
                        acc[b + 4] += y * f;
                    }
                }
            });
            return Parallel.sumInOrder(partial);
        }

        /** Solves every statement's (i_s, f_s); returns Σ over all ratings of r − μ − i_p − i_s − f_p·f_s. */
        private double solveStatements(double[] stats, double statementWeight) {
            double residualSum = 0;
            for (int s = 0; s < is.length; s++) {
                int b = STATS * s;
                solve(stats[b] + statementWeight * INTERCEPT_L2, stats[b + 1], stats[b + 2] + statementWeight * FACTOR_L2,
                        stats[b + 3], stats[b + 4], is, fs, s);
                residualSum += stats[b + 3] - stats[b] * is[s] - fs[s] * stats[b + 1];
            }
            return residualSum;
        }

        /**
         * Moves the mean of the penalised intercepts into μ: leaves every prediction unchanged and
         * lowers the penalty; block updates alone crawl along that direction for dozens of sweeps.
         */
        private void centreIntercepts(Ratings ratings) {
            double participantShift = 0;
            for (int p = 0; p < ip.length; p++) {
                if (ratings.ratedBy[p]) {
                    participantShift += ip[p];
                }
            }
            participantShift /= ratings.raters;
            double statementShift = 0;
            for (int s = 0; s < is.length; s++) {
                if (ratings.ofStatement[s] > 0) {
                    statementShift += is[s];
                }
            }
            statementShift /= ratings.ratedStatements;
            for (int p = 0; p < ip.length; p++) {
                if (ratings.ratedBy[p]) {
                    ip[p] -= participantShift;
                }
            }
            for (int s = 0; s < is.length; s++) {
                if (ratings.ofStatement[s] > 0) {
                    is[s] -= statementShift;
                }
            }
            mu += participantShift + statementShift;
        }
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
        double[] intercept = fitted.intercept();
        double[] factor = fitted.factor();
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
