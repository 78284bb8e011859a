package org.commonground.analysis;

import java.util.Arrays;

/**
 * Opinion groups as a latent-class model fitted to the votes people actually cast: each group has,
 * for every statement, its own chances of agree, disagree and pass, and a participant's votes are
 * independent given their group. Fitted by expectation–maximisation over the stored votes only, so
 * a statement someone did not see says nothing about them (Pol.is's PCA instead imputes the mean
 * vote, which on sparse conversations pulls everyone towards the centre of the map).
 *
 * <p>Each group's chances on a statement are shrunk towards the statement's split over everyone by
 * {@link #PRIOR} pseudo-votes, so a group with few votes on a statement is not certain of anything.
 * Sums over participants run on {@link Parallel}'s fixed chunks and are combined in chunk order:
 * the fit is the same bit for bit whatever the thread count.
 */
final class LatentClasses {
    /** Pseudo-votes per group and statement, spread like the statement's votes over everyone. */
    static final double PRIOR = 2.0;

    static final int MAX_ITERATIONS = 100;
    /** Stop when the log-likelihood per participant improves by less than this (nats). */
    static final double TOLERANCE = 1e-3;

    private static final int CODES = 3;

    /**
     * One fitted model.
     *
     * @param label         each row's most probable group, 0 … k − 1
     * @param logLikelihood of the votes under the fitted model, nats (≤ 0)
     * @param bic           Bayesian information criterion, −2·logLikelihood + parameters·ln(rows); lower is better
     */
    record Fit(
            int k,
            int[] label,
            double logLikelihood,
            double bic,
            double heldOut,
            int heldOutVotes,
            int iterations,
            double[] logShare,
            double[] logChance) {}

    private LatentClasses() {}

    /** Participants the number of groups is chosen on; larger maps are sampled down to it. */
    static final int SAMPLE = 3_000;
    /** EM steps of a cross-validation fit: enough to rank the candidate numbers of groups. */
    static final int CROSS_VALIDATION_ITERATIONS = 20;

    /**
     * The groups of the map's participants, starting from the map's own k-means groups (Pol.is's
     * method, {@code mapGroups} of {@code mapK}). On a seeded sample of at most {@link #SAMPLE}
     * participants with one vote in {@link #FOLDS} held out, a fit of k groups is compared with
     * one of k + 1 (the larger started by splitting, with weighted k-means over the base clusters);
     * k grows while its model predicts the held-out votes better, up to maxK. The map's k is the
     * floor: on sparse conversations a sample cannot estimate a small group's vote chances well
     * enough for held-out votes to show it, while the map still separates it. Then one fit of the
     * chosen k on every participant and vote, from the sample's groups. Above {@code fitSample} rows,
     * that fit is first made on a seeded sample of fitSample rows (the first sample's rows among
     * them), and the fit over everyone continues from its model: a few thousand labelled rows are a
     * weak start for a million, which took many EM steps over every vote, while a model fitted on
     * fitSample rows is close to the end (two steps at 100 M votes).
     *
     * <p>With a previous result (warm start) holding more groups than the map's k, that number is the
     * floor instead and the fits start from the previous groups: the live map does not lose a group
     * it found because a few new votes moved the sample's held-out likelihood (a cold run, such as
     * after a restart, chooses afresh).
     *
     * @param mapGroups each row's group in the map's k-means grouping, 0 … mapK − 1
     */
    static Fit choose(
            VoteMatrix m,
            int[] rows,
            KMeans.Clustering base,
            int[] mapGroups,
            int mapK,
            int maxK,
            MapState warm,
            int fitSample,
            java.util.SplittableRandom random,
            Parallel parallel) {
        int[] previous = previousGroups(m, rows, warm, mapK, maxK);
        int floor = previous == null ? mapK : warm.groupCount();
        int[] sample = sample(rows.length, random.split());
        int[] sampleRows = new int[sample.length];
        int[] start = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            sampleRows[i] = rows[sample[i]];
            start[i] = (previous == null ? mapGroups : previous)[sample[i]];
        }
        // The sample's fits are small: each runs on one thread, which skips a fork-join barrier per EM
        // step that on a busy machine costs more than the step (same chunks, so the same sums). The
        // first two candidates are always fitted, so they run side by side, one per thread.
        Fit chosen;
        try (Parallel inline = new Parallel(1)) {
            int[] first = start;
            int[] second = floor < maxK ? splitStart(base, sample, floor + 1, random.split(), parallel) : null;
            Fit[] pair = new Fit[2];
            parallel.forEach(2, 2, (c, from, to) -> {
                if (c == 0) {
                    pair[0] = fit(m, sampleRows, first, floor, true, CROSS_VALIDATION_ITERATIONS, inline);
                } else if (second != null) {
                    pair[1] = fit(m, sampleRows, second, floor + 1, true, CROSS_VALIDATION_ITERATIONS, inline);
                }
            });
            chosen = pair[0];
            Fit larger = pair[1];
            while (larger != null && larger.heldOut > chosen.heldOut) {
                chosen = larger;
                int k = chosen.k + 1;
                int[] next = k <= maxK ? splitStart(base, sample, k, random.split(), parallel) : null;
                larger = next == null ? null : fit(m, sampleRows, next, k, true, CROSS_VALIDATION_ITERATIONS, inline);
            }
        }
        // The sample the number of groups was chosen on is always in the final fit's sample.
        int fitRows = Math.max(fitSample, sample.length);
        if (rows.length <= fitRows) {
            int[] full = new int[rows.length];
            java.util.Arrays.fill(full, -1);
            for (int i = 0; i < sample.length; i++) {
                full[sample[i]] = chosen.label[i];
            }
            return fit(m, rows, full, chosen.k, false, MAX_ITERATIONS, parallel);
        }
        int[] fitted = widened(sample, rows.length, fitRows, random.split());
        int[] fittedRows = new int[fitted.length];
        int[] fittedStart = new int[fitted.length];
        for (int i = 0, s = 0; i < fitted.length; i++) {
            fittedRows[i] = rows[fitted[i]];
            boolean inSample = s < sample.length && sample[s] == fitted[i];
            fittedStart[i] = inSample ? chosen.label[s++] : -1;
        }
        Fit model = fit(m, fittedRows, fittedStart, chosen.k, false, MAX_ITERATIONS, parallel);
        return fit(m, rows, null, model, chosen.k, false, MAX_ITERATIONS, parallel);
    }

    /**
     * Ascending positions of {@code sample} (ascending positions among n) and of seeded draws among the
     * rest, fitSample in all (sample.length ≤ fitSample < n).
     */
    private static int[] widened(int[] sample, int n, int fitSample, java.util.SplittableRandom random) {
        int[] rest = new int[n - sample.length];
        for (int i = 0, s = 0, r = 0; i < n; i++) {
            if (s < sample.length && sample[s] == i) {
                s++;
            } else {
                rest[r++] = i;
            }
        }
        int more = fitSample - sample.length;
        for (int i = 0; i < more; i++) {
            int j = i + random.nextInt(rest.length - i);
            int t = rest[i];
            rest[i] = rest[j];
            rest[j] = t;
        }
        int[] chosen = Arrays.copyOf(sample, fitSample);
        System.arraycopy(rest, 0, chosen, sample.length, more);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * The sample's start for k groups: the best of {@link OpinionMap#GROUP_RESTARTS} weighted k-means
     * runs over the base clusters, each sampled participant in its base cluster's group; null when the
     * base clusters do not make k groups.
     */
    private static int[] splitStart(
            KMeans.Clustering base, int[] sample, int k, java.util.SplittableRandom forK, Parallel parallel) {
        KMeans.Clustering best = null;
        for (int r = 0; r < OpinionMap.GROUP_RESTARTS; r++) {
            double[][] seeds = KMeans.seed(base.cx(), base.cy(), base.weight(), k, null, null, forK);
            KMeans.Clustering candidate = KMeans.run(base.cx(), base.cy(), base.weight(), seeds[0], seeds[1], parallel);
            if (best == null || candidate.inertia() < best.inertia() - 1e-12 * Math.abs(best.inertia())) {
                best = candidate;
            }
        }
        if (best.k() < k) {
            return null;
        }
        int[] start = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            start[i] = best.assignment()[base.assignment()[sample[i]]];
        }
        return start;
    }

    /** Each row's group in the previous result (−1 for newcomers), if it had between mapK and maxK groups. */
    private static int[] previousGroups(VoteMatrix m, int[] rows, MapState warm, int mapK, int maxK) {
        if (warm == null || warm.groupCount() < mapK || warm.groupCount() > maxK) {
            return null;
        }
        int[] previous = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            previous[i] = warm.groupOf(m.participantId(rows[i]));
        }
        return previous;
    }

    /** Ascending positions of a seeded sample of at most {@link #SAMPLE} of n. */
    private static int[] sample(int n, java.util.SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= SAMPLE) {
            return all;
        }
        for (int i = 0; i < SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, SAMPLE);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    static Fit fit(VoteMatrix m, int[] rows, int[] startLabels, int k, Parallel parallel) {
        return fit(m, rows, startLabels, k, false, MAX_ITERATIONS, parallel);
    }

    /** One vote in {@link #FOLDS} is held out of a cross-validation fit, chosen by a hash of its cell position. */
    static final int FOLDS = 5;

    static boolean heldOut(int cell) {
        long z = (cell + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return Long.remainderUnsigned(z ^ (z >>> 29), FOLDS) == 0;
    }

    /**
     * @param crossValidate fit on the votes not {@link #heldOut} and report the held-out votes' log
     *                      predictive likelihood (each participant's group posterior from their other votes)
     */
    static Fit fit(
            VoteMatrix m,
            int[] rows,
            int[] startLabels,
            int k,
            boolean crossValidate,
            int maxIterations,
            Parallel parallel) {
        return fit(m, rows, startLabels, null, k, crossValidate, maxIterations, parallel);
    }

    /**
     * @param startLabels each row's starting group (−1: none), or null to start from startModel
     * @param startModel  a fitted model whose chances and shares the first E-step uses, when startLabels is null
     */
    private static Fit fit(
            VoteMatrix m,
            int[] rows,
            int[] startLabels,
            Fit startModel,
            int k,
            boolean crossValidate,
            int maxIterations,
            Parallel parallel) {
        int statements = m.statementCount();
        int n = rows.length;
        int chunks = Parallel.chunks(n);
        Offsets votes = Offsets.of(m, rows, k, crossValidate, chunks, parallel);
        int[] begin = votes.begin;
        int[] at = votes.at;
        double[] overall = overallSplit(m, rows, parallel);
        double[] counts = new double[statements * CODES * k];
        double[] weight = new double[k];
        for (int i = 0; startLabels != null && i < n; i++) {
            int g = startLabels[i];
            if (g < 0 || g >= k) {
                continue;
            }
            weight[g]++;
            for (int j = begin[i]; j < begin[i + 1]; j++) {
                counts[at[j] + g]++;
            }
        }
        double[] logChance = new double[counts.length];
        double[] logShare = new double[k];
        double[][] partial = new double[chunks][counts.length + k + 1];
        int[] label = new int[n];
        double logLikelihood = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            if (startLabels == null && iteration == 1) {
                System.arraycopy(startModel.logChance, 0, logChance, 0, logChance.length);
                System.arraycopy(startModel.logShare, 0, logShare, 0, k);
            } else {
                maximise(counts, weight, overall, statements, k, n, logChance, logShare);
            }
            parallel.forEach(n, chunks, (c, from, to) -> {
                double[] acc = partial[c];
                Arrays.fill(acc, 0.0);
                double[] r = new double[k];
                double total = 0;
                for (int i = from; i < to; i++) {
                    total += posterior(i, begin, at, logShare, logChance, r, label);
                    for (int g = 0; g < k; g++) {
                        acc[counts.length + g] += r[g];
                    }
                    for (int j = begin[i]; j < begin[i + 1]; j++) {
                        int a = at[j];
                        for (int g = 0; g < k; g++) {
                            acc[a + g] += r[g];
                        }
                    }
                }
                acc[counts.length + k] = total;
            });
            double[] sums = Parallel.sumInOrder(partial);
            System.arraycopy(sums, 0, counts, 0, counts.length);
            System.arraycopy(sums, counts.length, weight, 0, k);
            double next = sums[counts.length + k];
            boolean converged = next - logLikelihood < TOLERANCE * Math.max(1, n);
            logLikelihood = next;
            if (converged) {
                break;
            }
        }
        double heldOutLikelihood = 0;
        double heldOutVotes = 0;
        if (crossValidate) {
            // The held-out votes' predictive likelihood under the last step's model and posteriors: read
            // once, after the fit, rather than computed in every step and overwritten.
            int[] heldBegin = votes.heldBegin;
            int[] heldAt = votes.heldAt;
            double[][] held = new double[chunks][2];
            parallel.forEach(n, chunks, (c, from, to) -> {
                double[] acc = held[c];
                double[] r = new double[k];
                for (int i = from; i < to; i++) {
                    posterior(i, begin, at, logShare, logChance, r, null);
                    for (int j = heldBegin[i]; j < heldBegin[i + 1]; j++) {
                        int a = heldAt[j];
                        double chance = 0;
                        for (int g = 0; g < k; g++) {
                            chance += r[g] * Math.exp(logChance[a + g]);
                        }
                        acc[0] += Math.log(chance);
                        acc[1]++;
                    }
                }
            });
            double[] sums = Parallel.sumInOrder(held);
            heldOutLikelihood = sums[0];
            heldOutVotes = sums[1];
        }
        double parameters = (double) k * statements * (CODES - 1) + (k - 1);
        double bic = -2 * logLikelihood + parameters * Math.log(Math.max(2, n));
        return new Fit(
                k, label, logLikelihood, bic, heldOutLikelihood, (int) heldOutVotes, iteration, logShare, logChance);
    }

    /**
     * Row i's group posterior into r from its fitted votes, and its most probable group into
     * label[i] (when label is given); returns the log-likelihood of its votes.
     */
    private static double posterior(
            int i, int[] begin, int[] at, double[] logShare, double[] logChance, double[] r, int[] label) {
        int k = r.length;
        System.arraycopy(logShare, 0, r, 0, k);
        for (int j = begin[i]; j < begin[i + 1]; j++) {
            int a = at[j];
            for (int g = 0; g < k; g++) {
                r[g] += logChance[a + g];
            }
        }
        int best = 0;
        for (int g = 1; g < k; g++) {
            if (r[g] > r[best]) {
                best = g;
            }
        }
        if (label != null) {
            label[i] = best;
        }
        double top = r[best];
        double sum = 0;
        for (int g = 0; g < k; g++) {
            r[g] = Math.exp(r[g] - top);
            sum += r[g];
        }
        for (int g = 0; g < k; g++) {
            r[g] /= sum;
        }
        return top + Math.log(sum);
    }

    /**
     * Each row's votes as offsets (statement · 3 + code) · k into the model's tables, worked out once
     * per fit instead of decoding cells (and hashing them for the held-out fold) in every EM step.
     * Row i's fitted votes are at[begin[i] … begin[i + 1]), its held-out ones heldAt[heldBegin[i] …].
     */
    private record Offsets(int[] begin, int[] at, int[] heldBegin, int[] heldAt) {
        static Offsets of(VoteMatrix m, int[] rows, int k, boolean crossValidate, int chunks, Parallel parallel) {
            int n = rows.length;
            int[] rowStart = m.rowStart();
            int[] cells = m.cells();
            int[] begin = new int[n + 1];
            int[] heldBegin = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int p = rows[i];
                int held = 0;
                if (crossValidate) {
                    for (int j = rowStart[p]; j < rowStart[p + 1]; j++) {
                        held += heldOut(j) ? 1 : 0;
                    }
                }
                begin[i + 1] = begin[i] + rowStart[p + 1] - rowStart[p] - held;
                heldBegin[i + 1] = heldBegin[i] + held;
            }
            int[] at = new int[begin[n]];
            int[] heldAt = new int[heldBegin[n]];
            parallel.forEach(n, chunks, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    int p = rows[i];
                    int fitted = begin[i];
                    int out = heldBegin[i];
                    for (int j = rowStart[p]; j < rowStart[p + 1]; j++) {
                        int a = (VoteMatrix.statementOf(cells[j]) * CODES + VoteMatrix.codeOf(cells[j])) * k;
                        if (crossValidate && heldOut(j)) {
                            heldAt[out++] = a;
                        } else {
                            at[fitted++] = a;
                        }
                    }
                }
            });
            return new Offsets(begin, at, heldBegin, heldAt);
        }
    }

    /** Chances of each vote code per group and statement, shrunk towards the statement's overall split. */
    private static void maximise(
            double[] counts,
            double[] weight,
            double[] overall,
            int statements,
            int k,
            int n,
            double[] logChance,
            double[] logShare) {
        for (int s = 0; s < statements; s++) {
            for (int g = 0; g < k; g++) {
                double seen = 0;
                for (int c = 0; c < CODES; c++) {
                    seen += counts[(s * CODES + c) * k + g];
                }
                for (int c = 0; c < CODES; c++) {
                    int at = (s * CODES + c) * k + g;
                    logChance[at] = Math.log((counts[at] + PRIOR * overall[s * CODES + c]) / (seen + PRIOR));
                }
            }
        }
        for (int g = 0; g < k; g++) {
            logShare[g] = Math.log((weight[g] + 1) / (n + k));
        }
    }

    /** Each statement's split of pass / agree / disagree over the rows, with one pseudo-vote spread evenly. */
    private static double[] overallSplit(VoteMatrix m, int[] rows, Parallel parallel) {
        int statements = m.statementCount();
        double[] sums = PrincipalComponents.codeCounts(m, rows, parallel);
        double[] split = new double[sums.length];
        for (int s = 0; s < statements; s++) {
            double total = 1;
            for (int c = 0; c < CODES; c++) {
                total += sums[s * CODES + c];
            }
            for (int c = 0; c < CODES; c++) {
                split[s * CODES + c] = (sums[s * CODES + c] + 1.0 / CODES) / total;
            }
        }
        return split;
    }
}
