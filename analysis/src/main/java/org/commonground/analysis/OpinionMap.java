package org.commonground.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Pol.is opinion map: who is in it, where each participant sits on the two principal axes, the
 * 100 base clusters and the opinion groups built from them.
 */
final class OpinionMap {
    static final int BASE_CLUSTERS = 100;
    static final int MAX_GROUPS = 5;
    /** As Pol.is: base clusters are a fine summary of the map, not a fixed point worth chasing. */
    static final int BASE_ITERATIONS = 20;
    /** Restarts per candidate k: groups are clustered over at most 100 weighted points, so restarts are nearly free. */
    static final int GROUP_RESTARTS = 12;

    final PrincipalComponents components;
    /** Dense participant indices in the map, ascending (so ascending participant id). */
    final int[] rows;

    final double[] x;
    final double[] y;
    final KMeans.Clustering base;
    final int groupCount;
    final int[] groupOfRow;
    final double[] groupX;
    final double[] groupY;

    private OpinionMap(
            PrincipalComponents components,
            int[] rows,
            double[] x,
            double[] y,
            KMeans.Clustering base,
            int groupCount,
            int[] groupOfRow,
            double[] groupX,
            double[] groupY) {
        this.components = components;
        this.rows = rows;
        this.x = x;
        this.y = y;
        this.base = base;
        this.groupCount = groupCount;
        this.groupOfRow = groupOfRow;
        this.groupX = groupX;
        this.groupY = groupY;
    }

    static int[] participantsInMap(VoteMatrix m, int minVotes) {
        int n = m.participantCount();
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (m.votesOf(p) >= minVotes) {
                count++;
            }
        }
        int[] rows = new int[count];
        int i = 0;
        for (int p = 0; p < n; p++) {
            if (m.votesOf(p) >= minVotes) {
                rows[i++] = p;
            }
        }
        return rows;
    }

    /**
     * @param axes principal axes to keep (convergence windows), or null to compute them; windows also
     *             run fewer base k-means steps, as only group tallies and cohort centres are read from
     *             them, and group by k-means over the base clusters whatever the method
     */
    static OpinionMap compute(
            VoteMatrix m, AnalysisOptions options, MapState warm, PrincipalComponents axes, Parallel parallel) {
        boolean window = axes != null;
        boolean polis = options.method() == AnalysisOptions.Method.POLIS && !window;
        int zeroed = polis ? options.moderatedVotes().statements() : 0;
        int[] rows =
                polis ? admittedByPolis(m, options) : participantsInMap(m, options.minVotesFor(m.statementCount()));
        double[][] start = warm == null ? new double[][] {null, null} : warm.componentsFor(m.statementIds());
        int[] pcaRows = polis ? participantsInMap(m, 1) : rows;
        PrincipalComponents pcs = window
                ? PrincipalComponents.fixedAxes(m, rows, axes, parallel)
                : PrincipalComponents.compute(m, pcaRows, start[0], start[1], options.seed(), parallel);
        if (polis && warm == null) {
            // red-dwarf's axes (scikit-learn's sign rule); they decide which points start its k-means.
            pcs = pcs.signedByScores(m, pcaRows);
        }
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        pcs.project(m, rows, zeroed, x, y, parallel);
        Grouping grouping = window ? Grouping.BASE_CLUSTERS : polis ? Grouping.PARTICIPANTS : Grouping.VOTE_MODEL;
        return cluster(
                m,
                pcs,
                rows,
                x,
                y,
                warm,
                options.seed(),
                window ? BASE_ITERATIONS / 2 : BASE_ITERATIONS,
                grouping,
                options.groupFitSample(),
                parallel);
    }

    /**
     * Pol.is's admission: votes on moderated-out statements count, and the threshold is min(7,
     * columns) where the columns include the moderated-out statements anyone voted on.
     */
    private static int[] admittedByPolis(VoteMatrix m, AnalysisOptions options) {
        ModeratedVotes moderated = options.moderatedVotes();
        int minVotes = options.minVotesFor(m.statementCount() + moderated.statements());
        int n = m.participantCount();
        int[] rows = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (m.votesOf(p) + moderated.votesOf(m.participantId(p)) >= minVotes) {
                rows[count++] = p;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    /** Base clusters and Pol.is's groups (k-means over them) of participants already placed on the map. */
    static OpinionMap cluster(
            VoteMatrix m,
            PrincipalComponents pcs,
            int[] rows,
            double[] x,
            double[] y,
            MapState warm,
            long seed,
            int baseIterations,
            Parallel parallel) {
        return cluster(
                m,
                pcs,
                rows,
                x,
                y,
                warm,
                seed,
                baseIterations,
                Grouping.BASE_CLUSTERS,
                AnalysisOptions.DEFAULT_GROUP_FIT_SAMPLE,
                parallel);
    }

    /** What the groups are clustered from. */
    enum Grouping {
        /** Weighted k-means over the 100 base clusters, k by silhouette over them: Pol.is's clojure code. */
        BASE_CLUSTERS,
        /**
         * k-means over the participants themselves, k by silhouette over participants, as red-dwarf (Pol.is's
         * math in Python) does; maps larger than {@link #PARTICIPANT_LIMIT} fall back to base clusters,
         * where a silhouette over participants (n²) would cost seconds.
         */
        PARTICIPANTS,
        /** The latent-class model of the votes ({@link LatentClasses}), with the base-cluster groups as floor and start. */
        VOTE_MODEL
    }

    static final int PARTICIPANT_LIMIT = 5_000;

    /**
     * Base clusters and groups of participants already placed on the map.
     *
     * @param groupFitSample most rows the vote model's final fit runs over ({@link AnalysisOptions#groupFitSample()})
     */
    static OpinionMap cluster(
            VoteMatrix m,
            PrincipalComponents pcs,
            int[] rows,
            double[] x,
            double[] y,
            MapState warm,
            long seed,
            int baseIterations,
            Grouping grouping,
            int groupFitSample,
            Parallel parallel) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] baseStart = KMeans.seed(
                x,
                y,
                null,
                BASE_CLUSTERS,
                warm == null ? null : warm.baseX,
                warm == null ? null : warm.baseY,
                random.split());
        KMeans.Clustering base = KMeans.run(x, y, null, baseStart[0], baseStart[1], baseIterations, parallel);
        // The points the groups are clustered from: base clusters, or each participant as a cluster of one.
        KMeans.Clustering points = base;
        if (grouping == Grouping.PARTICIPANTS && rows.length > 1 && rows.length <= PARTICIPANT_LIMIT) {
            int[] own = new int[rows.length];
            double[] one = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                own[i] = i;
                one[i] = 1;
            }
            points = new KMeans.Clustering(x.clone(), y.clone(), one, own, 0);
        }

        int[] groupOfBase = new int[points.k()];
        double[] gx;
        double[] gy;
        int groups;
        if (points.k() == 0) {
            groups = 0;
            gx = new double[0];
            gy = new double[0];
        } else if (base.k() == 1) {
            groups = 1;
            gx = base.cx().clone();
            gy = base.cy().clone();
            groupOfBase = new int[points.k()];
        } else {
            KMeans.Clustering best = chooseGroups(points, warm, points != base, random.split(), parallel);
            groups = best.k();
            groupOfBase = best.assignment();
            gx = best.cx();
            gy = best.cy();
        }
        int[] groupOfRow = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            groupOfRow[i] = groupOfBase[points.assignment()[i]];
        }
        if (grouping == Grouping.VOTE_MODEL && groups > 1) {
            int maxK = Math.min(Math.min(MAX_GROUPS, 2 + base.k() / 12), base.k());
            LatentClasses.Fit fit = LatentClasses.choose(
                    m, rows, base, groupOfRow, groups, maxK, warm, groupFitSample, random.split(), parallel);
            return grouped(m, pcs, rows, x, y, base, fit.k(), fit.label(), warm);
        }
        return renumbered(m, pcs, rows, x, y, base, groups, groupOfRow, gx, gy, warm);
    }

    /** A map whose groups come from elsewhere: empty groups dropped, centres at their members' mean positions. */
    private static OpinionMap grouped(
            VoteMatrix m,
            PrincipalComponents pcs,
            int[] rows,
            double[] x,
            double[] y,
            KMeans.Clustering base,
            int labels,
            int[] labelOfRow,
            MapState warm) {
        int[] size = new int[labels];
        for (int label : labelOfRow) {
            size[label]++;
        }
        int[] dense = new int[labels];
        int groups = 0;
        for (int label = 0; label < labels; label++) {
            dense[label] = size[label] > 0 ? groups++ : -1;
        }
        int[] groupOfRow = new int[rows.length];
        double[] gx = new double[groups];
        double[] gy = new double[groups];
        for (int i = 0; i < rows.length; i++) {
            int g = dense[labelOfRow[i]];
            groupOfRow[i] = g;
            gx[g] += x[i];
            gy[g] += y[i];
        }
        for (int label = 0; label < labels; label++) {
            if (dense[label] >= 0) {
                gx[dense[label]] /= size[label];
                gy[dense[label]] /= size[label];
            }
        }
        return renumbered(m, pcs, rows, x, y, base, groups, groupOfRow, gx, gy, warm);
    }

    private static OpinionMap renumbered(
            VoteMatrix m,
            PrincipalComponents pcs,
            int[] rows,
            double[] x,
            double[] y,
            KMeans.Clustering base,
            int groups,
            int[] groupOfRow,
            double[] gx,
            double[] gy,
            MapState warm) {
        int[] renumber = stableGroupIds(m, rows, groupOfRow, groups, gx, gy, warm);
        double[] sx = new double[groups];
        double[] sy = new double[groups];
        for (int g = 0; g < groups; g++) {
            sx[renumber[g]] = gx[g];
            sy[renumber[g]] = gy[g];
        }
        for (int i = 0; i < rows.length; i++) {
            groupOfRow[i] = renumber[groupOfRow[i]];
        }
        return new OpinionMap(pcs, rows, x, y, base, groups, groupOfRow, sx, sy);
    }

    /**
     * Weighted k-means over the base clusters for k = 2 … min(5, 2 + ⌊bases / 12⌋), keeping the k with
     * the best unweighted silhouette over base clusters, as Pol.is does (it never computes a silhouette
     * over participants, which would cost n² on large conversations).
     *
     * @param firstDistinct start each k from the first k distinct points in (x, y) order, once, as
     *                      red-dwarf does (scikit-learn's k-means from {@code np.unique(X)[:k]}), instead
     *                      of {@link #GROUP_RESTARTS} seeded k-means++ starts: the Pol.is mode's grouping
     *                      of participants, whose partitions are then red-dwarf's
     */
    private static KMeans.Clustering chooseGroups(
            KMeans.Clustering base, MapState warm, boolean firstDistinct, SplittableRandom random, Parallel parallel) {
        int bases = base.k();
        double[] bx = base.cx();
        double[] by = base.cy();
        double[] bw = base.weight();
        int maxK = Math.min(Math.min(MAX_GROUPS, 2 + bases / 12), bases);
        KMeans.Clustering chosen = null;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK; k++) {
            KMeans.Clustering best = null;
            List<double[][]> starts = new ArrayList<>();
            if (warm != null && warm.groupCount() == k) {
                starts.add(new double[][] {warm.groupX, warm.groupY});
            }
            SplittableRandom forK = random.split();
            if (firstDistinct) {
                starts.add(KMeans.firstDistinct(bx, by, k));
            } else {
                for (int r = 0; r < GROUP_RESTARTS; r++) {
                    starts.add(KMeans.seed(bx, by, bw, k, null, null, forK));
                }
            }
            for (double[][] start : starts) {
                KMeans.Clustering candidate = KMeans.run(bx, by, bw, start[0], start[1], parallel);
                if (best == null || candidate.inertia() < best.inertia() - 1e-12 * Math.abs(best.inertia())) {
                    best = candidate;
                }
            }
            if (best.k() < 2) {
                continue;
            }
            double score = KMeans.silhouette(bx, by, best.assignment(), best.k());
            if (score > chosenScore + 1e-12) {
                chosen = best;
                chosenScore = score;
            }
        }
        if (chosen == null) {
            int[] all = new int[bases];
            double total = 0;
            double sx = 0;
            double sy = 0;
            for (int b = 0; b < bases; b++) {
                total += bw[b];
                sx += bw[b] * bx[b];
                sy += bw[b] * by[b];
            }
            chosen = new KMeans.Clustering(
                    new double[] {sx / total}, new double[] {sy / total}, new double[] {total}, all, 0);
        }
        return chosen;
    }

    /**
     * Group ids: with a previous result, each group keeps the id of the previous group it shares most
     * participants with, so the live map does not recolour every few seconds; otherwise (and for
     * new groups) ids go by size, largest first.
     */
    private static int[] stableGroupIds(
            VoteMatrix m, int[] rows, int[] groupOfRow, int groups, double[] gx, double[] gy, MapState warm) {
        int[] size = new int[groups];
        for (int g : groupOfRow) {
            size[g]++;
        }
        Integer[] bySize = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            bySize[g] = g;
        }
        Arrays.sort(
                bySize,
                Comparator.<Integer>comparingInt(g -> -size[g])
                        .thenComparingDouble(g -> gx[g])
                        .thenComparingDouble(g -> gy[g]));
        int[] renumber = new int[groups];
        Arrays.fill(renumber, -1);
        boolean[] taken = new boolean[groups];
        if (warm != null && warm.groupCount() > 0) {
            int previous = warm.groupCount();
            long[][] overlap = new long[groups][previous];
            for (int i = 0; i < rows.length; i++) {
                int before = warm.groupOf(m.participantId(rows[i]));
                if (before >= 0 && before < previous) {
                    overlap[groupOfRow[i]][before]++;
                }
            }
            while (true) {
                long bestOverlap = 0;
                int bestG = -1;
                int bestH = -1;
                for (int g = 0; g < groups; g++) {
                    for (int h = 0; h < Math.min(previous, groups); h++) {
                        if (renumber[g] < 0 && !taken[h] && overlap[g][h] > bestOverlap) {
                            bestOverlap = overlap[g][h];
                            bestG = g;
                            bestH = h;
                        }
                    }
                }
                if (bestG < 0) {
                    break;
                }
                renumber[bestG] = bestH;
                taken[bestH] = true;
            }
        }
        int free = 0;
        for (int g : bySize) {
            if (renumber[g] < 0) {
                while (taken[free]) {
                    free++;
                }
                renumber[g] = free;
                taken[free] = true;
            }
        }
        return renumber;
    }

    MapState state(VoteMatrix m) {
        long[] ids = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = m.participantId(rows[i]);
        }
        return new MapState(
                m.statementIds(),
                components.first,
                components.second,
                base.cx(),
                base.cy(),
                groupX,
                groupY,
                ids,
                groupOfRow,
                null,
                null,
                0,
                true);
    }
}
