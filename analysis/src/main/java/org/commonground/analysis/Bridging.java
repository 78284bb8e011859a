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
    static Bridging fit(
            VoteMatrix m, double[] startFactor, BridgingState warm, long seed, Parallel parallel, int maxSweeps) {
        Ratings ratings = Ratings.of(m, parallel);
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
            if (fit.sweep(ratings, partial, parallel) < TOLERANCE) {
                converged = true;
                break;
            }
        }
        return new Bridging(new BridgingState(fit.is, fit.fs, fit.mu), sweep, converged);
    }

    /**
     * Sufficient statistics per statement gathered by the participant step: Σf_p, Σf_p², Σy, Σy·f_p
     * (the fifth, the number of ratings, does not change between sweeps and is counted once).
     */
    private static final int STATS = 4;

    /**
     * Who rated what: each participant's agrees and disagrees (passes left out) as {@code statement << 1 | agree},
     * in row order, and the counts that set the per-row penalties and the intercept centring. Built
     * once per fit, so that the sweeps neither skip passes nor decode vote codes.
     */
    private record Ratings(
            int participants,
            int statements,
            int[] start,
            int[] rated,
            long count,
            double agrees,
            int[] ofStatement,
            int raters,
            int ratedStatements) {
        static Ratings of(VoteMatrix m, Parallel parallel) {
            int participants = m.participantCount();
            int statements = m.statementCount();
            int[] rowStart = m.rowStart();
            int[] cells = m.cells();
            int chunks = Parallel.chunks(participants);
            int[] start = new int[participants + 1];
            int[][] ofStatementIn = new int[chunks][statements];
            long[] agreesIn = new long[chunks];
            parallel.forEach(participants, chunks, (c, from, to) -> {
                int[] of = ofStatementIn[c];
                long agrees = 0;
                for (int p = from; p < to; p++) {
                    int n = 0;
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int cell = cells[k];
                        if (VoteMatrix.isRating(cell)) {
                            n++;
                            agrees += rating(cell);
                            of[VoteMatrix.statementOf(cell)]++;
                        }
                    }
                    start[p + 1] = n;
                }
                agreesIn[c] = agrees;
            });
            int raters = 0;
            for (int p = 0; p < participants; p++) {
                raters += start[p + 1] > 0 ? 1 : 0;
                start[p + 1] += start[p];
            }
            int[] rated = new int[start[participants]];
            parallel.forEach(participants, chunks, (c, from, to) -> {
                int j = start[from];
                for (int p = from; p < to; p++) {
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        int cell = cells[k];
                        if (VoteMatrix.isRating(cell)) {
                            rated[j++] = VoteMatrix.statementOf(cell) << 1 | rating(cell);
                        }
                    }
                }
            });
            int[] ofStatement = Parallel.sumInOrder(ofStatementIn);
            long agrees = 0;
            for (long a : agreesIn) {
                agrees += a;
            }
            int ratedStatements = 0;
            for (int c : ofStatement) {
                if (c > 0) {
                    ratedStatements++;
                }
            }
            // Sums of whole numbers are exact in any order: the same doubles as counting one vote at a time.
            return new Ratings(
                    participants, statements, start, rated, rated.length, agrees, ofStatement, raters, ratedStatements);
        }

        boolean ratedBy(int p) {
            return start[p + 1] > start[p];
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
                p.fs[s] = startNorm > 0
                        ? 0.5 * startFactor[s] / startNorm * Math.sqrt(statements)
                        : random.nextDouble(-0.1, 0.1);
            }
            return p;
        }

        /** One ALS sweep: participants, statements, μ, then the intercept means into μ. Returns the largest change of μ or a statement parameter. */
        double sweep(Ratings ratings, double[][] partial, Parallel parallel) {
            double muBefore = mu;
            double[] isBefore = is.clone();
            double[] fsBefore = fs.clone();
            double[] stats = solveParticipants(ratings, partial, parallel);
            double residualSum = solveStatements(stats, ratings);
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
         *
         * <p>The hot loop of the engine. Per statement it reads one block of a table built per
         * sweep, the residual y = r − μ − i_s for r = 0 and r = 1 and f_s; per participant it
         * scatters y and y·f_p taken from two precomputed pairs. Each value is the same double the
         * textbook expression gives (the same operations in the same order), only computed once.
         */
        private double[] solveParticipants(Ratings ratings, double[][] partial, Parallel parallel) {
            int[] start = ratings.start;
            int[] rated = ratings.rated;
            double muNow = mu;
            double disagreeBase = 0.0 - muNow;
            double agreeBase = 1.0 - muNow;
            double[] table = new double[4 * is.length];
            for (int s = 0; s < is.length; s++) {
                table[4 * s] = disagreeBase - is[s];
                table[4 * s + 1] = agreeBase - is[s];
                table[4 * s + 2] = fs[s];
            }
            double participantWeight = ratings.participantWeight();
            double[] ip = this.ip;
            double[] fp = this.fp;
            parallel.forEach(ratings.participants, partial.length, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                double[] residual = new double[4];
                for (int p = from; p < to; p++) {
                    int end = start[p + 1];
                    double n = 0;
                    double sf = 0;
                    double sff = 0;
                    double sy = 0;
                    double syf = 0;
                    for (int k = start[p]; k < end; k++) {
                        int r = rated[k];
                        int t = (r >>> 1) << 2;
                        double y = table[t + (r & 1)];
                        double f = table[t + 2];
                        n++;
                        sf += f;
                        sff += f * f;
                        sy += y;
                        syf += y * f;
                    }
                    solve(
                            n + participantWeight * INTERCEPT_L2,
                            sf,
                            sff + participantWeight * FACTOR_L2,
                            sy,
                            syf,
                            ip,
                            fp,
                            p);
                    double i = ip[p];
                    double f = fp[p];
                    double ff = f * f;
                    residual[0] = disagreeBase - i;
                    residual[1] = agreeBase - i;
                    residual[2] = residual[0] * f;
                    residual[3] = residual[1] * f;
                    for (int k = start[p]; k < end; k++) {
                        int r = rated[k];
                        int b = STATS * (r >>> 1);
                        int agree = r & 1;
                        acc[b] += f;
                        acc[b + 1] += ff;
                        acc[b + 2] += residual[agree];
                        acc[b + 3] += residual[2 + agree];
                    }
                }
            });
            return Parallel.sumInOrder(partial);
        }

        /** Solves every statement's (i_s, f_s); returns Σ over all ratings of r − μ − i_p − i_s − f_p·f_s. */
        private double solveStatements(double[] stats, Ratings ratings) {
            double statementWeight = ratings.statementWeight();
            double residualSum = 0;
            for (int s = 0; s < is.length; s++) {
                int b = STATS * s;
                double n = ratings.ofStatement[s];
                solve(
                        n + statementWeight * INTERCEPT_L2,
                        stats[b],
                        stats[b + 1] + statementWeight * FACTOR_L2,
                        stats[b + 2],
                        stats[b + 3],
                        is,
                        fs,
                        s);
                residualSum += stats[b + 2] - n * is[s] - fs[s] * stats[b];
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
                if (ratings.ratedBy(p)) {
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
                if (ratings.ratedBy(p)) {
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
    private static void solve(
            double a, double b, double d, double y, double yf, double[] intercept, double[] factor, int at) {
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
            out.add(new AnalysisResult.BridgingScore(
                    m.statementId(s), Representativeness.finite(intercept[s]), Representativeness.finite(factor[s])));
        }
        out.sort(Comparator.comparingDouble(AnalysisResult.BridgingScore::score)
                .reversed()
                .thenComparingLong(AnalysisResult.BridgingScore::statement));
        return List.copyOf(out);
    }
}
