package org.commonground.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The analysis repeated on cumulative windows of the vote history, to show whether cohorts move
 * towards each other. Each window holds the current votes cast by its end (a vote later replaced
 * by a newer one is not in the matrix, so early windows see the final opinion of early voters).
 *
 * <p>Windows keep the full result's principal axes, so that centroid distances of different windows
 * are measured in one coordinate system and no power iteration runs per window; their k-means
 * starts from the full result's centres; they skip bridging and repness. Windows are processed in
 * batches of {@link #BATCH}: one pass over the votes gives every window of the batch its column
 * means and cohort tallies, a second its projections, a third its group tallies, instead of
 * copying the matrix for each window.
 */
final class Convergence {
    /** Auto windows: enough points for a trend line, few enough to stay a fraction of the full analysis. */
    static final int AUTO_WINDOWS = 8;

    static final int MAX_WINDOWS = 100;
    static final int BATCH = 8;

    private Convergence() {}

    static List<AnalysisResult.ConvergencePoint> compute(
            Snapshot full, Cohorts.Bound bound, AnalysisOptions options, MapState warm, Parallel parallel) {
        VoteMatrix m = full.votes;
        if (m.voteCount() == 0) {
            return List.of();
        }
        int[] ends = windowEnds(m.lastSecond(), options);
        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        int windows = ends.length - 1;
        for (int from = 0; from < windows; from += BATCH) {
            out.addAll(batch(m, ends, from, Math.min(windows, from + BATCH), full, bound, options, warm, parallel));
        }
        out.add(point(m, ends[ends.length - 1], full.votes.voteCount(), full, bound, options));
        return List.copyOf(out);
    }

    /** The reference implementation: a copied matrix and a full snapshot per window. Slow; for tests. */
    static List<AnalysisResult.ConvergencePoint> computeBySnapshots(
            Snapshot full, Cohorts.Bound bound, AnalysisOptions options, MapState warm, Parallel parallel) {
        VoteMatrix m = full.votes;
        if (m.voteCount() == 0) {
            return List.of();
        }
        int last = m.lastSecond();
        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        for (int end : windowEnds(last, options)) {
            Snapshot snapshot = end >= last
                    ? full
                    : Snapshot.compute(m.until(end), bound, options, warm, full.map.components, parallel);
            out.add(point(m, end, snapshot.votes.voteCount(), snapshot, bound, options));
        }
        return List.copyOf(out);
    }

    private static AnalysisResult.ConvergencePoint point(
            VoteMatrix m, int end, int votes, Snapshot s, Cohorts.Bound bound, AnalysisOptions options) {
        int d = s.commonGroundDimension;
        return new AnalysisResult.ConvergencePoint(
                Instant.ofEpochMilli(m.originMillis() + 1000L * end),
                votes,
                s.commonGroundCount(options.minVotesPerCohort()),
                CohortComparison.meanGap(s.tallies, d, options.minVotesPerCohort()),
                CohortComparison.centroidDistance(s.map, bound, d));
    }

    private static List<AnalysisResult.ConvergencePoint> batch(
            VoteMatrix m,
            int[] ends,
            int from,
            int to,
            Snapshot full,
            Cohorts.Bound bound,
            AnalysisOptions options,
            MapState warm,
            Parallel parallel) {
        Batch batch = new Batch(
                m,
                Arrays.copyOfRange(ends, from, to),
                full.commonGroundDimension,
                bound,
                options.minVotesFor(m.statementCount()),
                parallel);
        WindowCounts counts = countVotes(batch, parallel);
        Positions positions = project(batch, counts, full.map.components, parallel);
        OpinionMap[] maps = cluster(batch, positions, full.map.components, warm, options, parallel);
        GroupTallies groups = tallyGroups(batch, maps, parallel);
        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        for (int b = 0; b < batch.windows; b++) {
            out.add(point(batch, b, counts, maps[b], groups, bound, options.minVotesPerCohort()));
        }
        return out;
    }

    /**
     * The windows of one batch over one matrix: their ends (seconds since the first vote, ascending),
     * the common-ground dimension's cohort of each participant, and how many chunks the integer passes use.
     */
    static final class Batch {
        final VoteMatrix m;
        final int[] ends;
        final int windows;
        final int participants;
        final int statements;
        /** The common-ground dimension, or −1; its value count and each participant's value (−1: none). */
        final int dimension;

        final int values;
        final int[] valueOf;
        /** Votes a participant needs in a window to be in that window's map. */
        final int minVotes;
        /** Integer sums are exact in any order, so the integer passes need only one chunk per thread. */
        final int intChunks;
        /** The first window of the batch holding each vote (by vote index; {@link #windows}: none; at most {@link #BATCH}). */
        final byte[] windowOf;

        Batch(VoteMatrix m, int[] ends, int dimension, Cohorts.Bound bound, int minVotes, Parallel parallel) {
            this.m = m;
            this.ends = ends;
            this.windows = ends.length;
            this.participants = m.participantCount();
            this.statements = m.statementCount();
            this.dimension = dimension;
            this.values = dimension >= 0 ? bound.values()[dimension].length : 0;
            this.valueOf = dimension >= 0 ? bound.valueOf()[dimension] : null;
            this.minVotes = minVotes;
            this.intChunks = Math.min(Parallel.chunks(participants), Math.max(1, parallel.threads()));
            this.windowOf = new byte[m.voteCount()];
            int[] seconds = m.seconds();
            parallel.forEach(m.voteCount(), (c, from, to) -> {
                for (int k = from; k < to; k++) {
                    windowOf[k] = (byte) Convergence.firstWindow(ends, seconds[k]);
                }
            });
        }

        Instant until(int b) {
            return Instant.ofEpochMilli(m.originMillis() + 1000L * ends[b]);
        }
    }

    /**
     * Pass 1, integers only: per window, column sums and counts over the window's map participants
     * (the full analysis imputes means over its map), cohort tallies, cohort members, and votes. One
     * block of {@link #stride} ints per window.
     */
    private record WindowCounts(int[] counts, int statements, int values) {
        int stride() {
            return stride(statements, values);
        }

        static int stride(int statements, int values) {
            return columnSize(statements) + tallySize(statements, values) + values + 1;
        }

        static int columnSize(int statements) {
            return 2 * statements;
        }

        static int tallySize(int statements, int values) {
            return values * statements * 3;
        }

        /** Mean vote (+1 / −1 / 0 units) of each statement over the window's map participants; 0 with no vote. */
        double[] columnMeans(int b) {
            int base = b * stride();
            double[] mean = new double[statements];
            for (int s = 0; s < statements; s++) {
                int n = counts[base + 2 * s + 1];
                mean[s] = n > 0 ? (double) counts[base + 2 * s] / n : 0.0;
            }
            return mean;
        }

        /** Agree, disagree, pass counts of each cohort value on each statement, as {@link CohortTallies} holds them. */
        int[] cohortTally(int b) {
            int from = b * stride() + columnSize(statements);
            return Arrays.copyOfRange(counts, from, from + tallySize(statements, values));
        }

        /** Participants of each cohort value with a vote in the window. */
        int[] cohortMembers(int b) {
            int from = b * stride() + columnSize(statements) + tallySize(statements, values);
            return Arrays.copyOfRange(counts, from, from + values);
        }

        int votes(int b) {
            return counts[b * stride() + stride() - 1];
        }
    }

    /**
     * Each vote is counted once, in the first window that holds it (for the column sums: the first
     * that holds it with its voter in the map); a running sum over the windows then gives every
     * window its cumulative counts. Whole numbers, so the order of the sums does not matter.
     */
    private static WindowCounts countVotes(Batch w, Parallel parallel) {
        int[] rowStart = w.m.rowStart();
        int[] cells = w.m.cells();
        byte[] windowOf = w.windowOf;
        int windows = w.windows;
        int statements = w.statements;
        int[] valueOf = w.valueOf;
        int minVotes = w.minVotes;
        int stride = WindowCounts.stride(statements, w.values);
        int columnSize = WindowCounts.columnSize(statements);
        int tallySize = WindowCounts.tallySize(statements, w.values);
        int[][] partial = new int[w.intChunks][windows * stride];
        parallel.forEach(w.participants, w.intChunks, (c, lo, hi) -> {
            int[] acc = partial[c];
            int[] votesBy = new int[windows + 1];
            for (int p = lo; p < hi; p++) {
                int v = valueOf == null ? -1 : valueOf[p];
                Arrays.fill(votesBy, 0);
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    votesBy[windowOf[k]]++;
                }
                // The participant's first window with a vote, and the first in whose map they are.
                int voted = windows;
                int inMap = windows;
                for (int b = 0, total = 0; b < windows; b++) {
                    total += votesBy[b];
                    if (total > 0 && voted == windows) {
                        voted = b;
                    }
                    if (total >= minVotes && inMap == windows) {
                        inMap = b;
                    }
                }
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int first = windowOf[k];
                    if (first == windows) {
                        continue;
                    }
                    int cell = cells[k];
                    int s = VoteMatrix.statementOf(cell);
                    int base = first * stride;
                    if (v >= 0) {
                        acc[base + columnSize + (v * statements + s) * 3 + VoteMatrix.codeOf(cell)]++;
                    }
                    acc[base + stride - 1]++;
                    int entered = Math.max(first, inMap);
                    if (entered < windows) {
                        acc[entered * stride + 2 * s] += VoteMatrix.signOf(cell);
                        acc[entered * stride + 2 * s + 1]++;
                    }
                }
                if (v >= 0 && voted < windows) {
                    acc[voted * stride + columnSize + tallySize + v]++;
                }
            }
        });
        int[] counts = Parallel.sumInOrder(partial);
        cumulate(counts, windows, stride);
        return new WindowCounts(counts, statements, w.values);
    }

    /** Running sums over windows of blocks of {@code stride} ints: block b becomes the sum of blocks 0 … b. */
    private static void cumulate(int[] blocks, int windows, int stride) {
        for (int b = 1; b < windows; b++) {
            int at = b * stride;
            int before = at - stride;
            for (int i = 0; i < stride; i++) {
                blocks[at + i] += blocks[before + i];
            }
        }
    }

    /**
     * Each participant's map position in every window of a batch (inMap false: not in that window's
     * map), and each window's column means the positions are centred on.
     */
    private record Positions(double[][] x, double[][] y, boolean[][] inMap, double[][] mean) {}

    /** Pass 2: positions on the full result's axes, centred on each window's own column means. */
    private static Positions project(Batch w, WindowCounts counts, PrincipalComponents axes, Parallel parallel) {
        int[] rowStart = w.m.rowStart();
        int[] cells = w.m.cells();
        byte[] windowOf = w.windowOf;
        int windows = w.windows;
        int minVotes = w.minVotes;
        double[][] mean = new double[windows][];
        for (int b = 0; b < windows; b++) {
            mean[b] = counts.columnMeans(b);
        }
        // The windows' means of one statement side by side: one cache line per vote instead of one per window.
        double[] meanBy = new double[w.statements * windows];
        for (int b = 0; b < windows; b++) {
            for (int s = 0; s < w.statements; s++) {
                meanBy[s * windows + b] = mean[b][s];
            }
        }
        double[] first = axes.first;
        double[] second = axes.second;
        double scaleBase = w.statements;
        double[][] px = new double[windows][w.participants];
        double[][] py = new double[windows][w.participants];
        boolean[][] inMap = new boolean[windows][w.participants];
        parallel.forEach(w.participants, (c, lo, hi) -> {
            int[] votes = new int[windows];
            double[] sx = new double[windows];
            double[] sy = new double[windows];
            for (int p = lo; p < hi; p++) {
                Arrays.fill(votes, 0);
                Arrays.fill(sx, 0.0);
                Arrays.fill(sy, 0.0);
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int s = VoteMatrix.statementOf(cells[k]);
                    double value = VoteMatrix.valueOf(cells[k]);
                    double a1 = first[s];
                    double a2 = second[s];
                    int at = s * windows;
                    for (int b = windowOf[k]; b < windows; b++) {
                        double x = value - meanBy[at + b];
                        votes[b]++;
                        sx[b] += x * a1;
                        sy[b] += x * a2;
                    }
                }
                for (int b = 0; b < windows; b++) {
                    if (votes[b] >= minVotes) {
                        double scale = Math.sqrt(scaleBase / votes[b]);
                        px[b][p] = sx[b] * scale + 0.0;
                        py[b][p] = sy[b] * scale + 0.0;
                        inMap[b][p] = true;
                    }
                }
            }
        });
        return new Positions(px, py, inMap, mean);
    }

    /**
     * Base clusters (warm, half the steps) and groups of each window's map, the windows side by side
     * on the pool: each window's clustering is seeded alike and reads only its own positions, so the
     * order in which they run changes nothing.
     */
    private static OpinionMap[] cluster(
            Batch w,
            Positions positions,
            PrincipalComponents axes,
            MapState warm,
            AnalysisOptions options,
            Parallel parallel) {
        OpinionMap[] maps = new OpinionMap[w.windows];
        parallel.forEach(w.windows, w.windows, (c, from, to) -> {
            for (int b = from; b < to; b++) {
                maps[b] = cluster(w, positions, b, axes, warm, options, parallel);
            }
        });
        return maps;
    }

    private static OpinionMap cluster(
            Batch w,
            Positions positions,
            int b,
            PrincipalComponents axes,
            MapState warm,
            AnalysisOptions options,
            Parallel parallel) {
        boolean[] inMap = positions.inMap[b];
        int n = 0;
        for (boolean in : inMap) {
            if (in) {
                n++;
            }
        }
        int[] rows = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (int p = 0; p < w.participants; p++) {
            if (inMap[p]) {
                rows[i] = p;
                x[i] = positions.x[b][p];
                y[i] = positions.y[b][p];
                i++;
            }
        }
        positions.x[b] = null;
        positions.y[b] = null;
        PrincipalComponents windowAxes = new PrincipalComponents(positions.mean[b], axes.first, axes.second, 0);
        return OpinionMap.cluster(
                w.m, windowAxes, rows, x, y, warm, options.seed(), OpinionMap.BASE_ITERATIONS / 2, parallel);
    }

    /** Pass 3: agree, disagree, pass counts of each window's groups on each statement, one block of {@link #stride} ints per window. */
    record GroupTallies(int[] counts, int stride, int statements) {
        int[] of(int b, int groups) {
            return Arrays.copyOfRange(counts, b * stride, b * stride + groups * statements * 3);
        }
    }

    /**
     * Each vote is counted in its voter's group of the first window that holds it, and moved when
     * the voter's group changes in a later window (−1 from the old group, +1 to the new); a running
     * sum over windows then gives each window's tallies. Voters mostly keep their group, so a vote
     * costs one or two updates instead of one per window.
     */
    static GroupTallies tallyGroups(Batch w, OpinionMap[] maps, Parallel parallel) {
        int[] rowStart = w.m.rowStart();
        int[] cells = w.m.cells();
        byte[] windowOf = w.windowOf;
        int windows = w.windows;
        int statements = w.statements;
        int[][] groupOf = new int[windows][];
        int maxGroups = 0;
        for (int b = 0; b < windows; b++) {
            int[] of = new int[w.participants];
            Arrays.fill(of, -1);
            for (int r = 0; r < maps[b].rows.length; r++) {
                of[maps[b].rows[r]] = maps[b].groupOfRow[r];
            }
            groupOf[b] = of;
            maxGroups = Math.max(maxGroups, maps[b].groupCount);
        }
        int stride = maxGroups * statements * 3;
        int[][] partial = new int[w.intChunks][windows * stride];
        parallel.forEach(w.participants, w.intChunks, (c, lo, hi) -> {
            int[] acc = partial[c];
            int[] group = new int[windows];
            int[] nextChange = new int[windows];
            for (int p = lo; p < hi; p++) {
                for (int b = 0; b < windows; b++) {
                    group[b] = groupOf[b][p];
                }
                int change = windows;
                for (int b = windows - 1; b >= 0; b--) {
                    nextChange[b] = change;
                    if (b > 0 && group[b] != group[b - 1]) {
                        change = b;
                    }
                }
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int b = windowOf[k];
                    if (b == windows) {
                        continue;
                    }
                    int cell = VoteMatrix.statementOf(cells[k]) * 3 + VoteMatrix.codeOf(cells[k]);
                    int g = group[b];
                    if (g >= 0) {
                        acc[b * stride + g * statements * 3 + cell]++;
                    }
                    for (int next = nextChange[b]; next < windows; next = nextChange[next]) {
                        if (g >= 0) {
                            acc[next * stride + g * statements * 3 + cell]--;
                        }
                        g = group[next];
                        if (g >= 0) {
                            acc[next * stride + g * statements * 3 + cell]++;
                        }
                    }
                }
            }
        });
        int[] counts = Parallel.sumInOrder(partial);
        cumulate(counts, windows, stride);
        return new GroupTallies(counts, stride, statements);
    }

    /** One window's point: votes, common-ground count, mean gap and centroid distance of the common-ground dimension. */
    private static AnalysisResult.ConvergencePoint point(
            Batch w,
            int b,
            WindowCounts counts,
            OpinionMap map,
            GroupTallies groups,
            Cohorts.Bound bound,
            int minCohort) {
        int[] groupCounts = groups.of(b, map.groupCount);
        int[] groupMembers = new int[map.groupCount];
        for (int g : map.groupOfRow) {
            groupMembers[g]++;
        }
        int d = w.dimension;
        int commonGround;
        double meanGap;
        double centroidDistance;
        if (d >= 0) {
            CohortTallies tallies = new CohortTallies(
                    new String[] {bound.dimensions()[d]},
                    new String[][] {bound.values()[d]},
                    w.m.statementIds(),
                    new int[][] {counts.cohortTally(b)});
            commonGround = CohortComparison.commonGroundCount(
                    tallies, 0, counts.cohortMembers(b), groupCounts, groupMembers, map.groupCount, minCohort);
            meanGap = CohortComparison.meanGap(tallies, 0, minCohort);
            centroidDistance = CohortComparison.centroidDistance(map, bound, d);
        } else {
            CohortTallies none = new CohortTallies(new String[0], new String[0][], w.m.statementIds(), new int[0][]);
            commonGround = CohortComparison.commonGroundCount(
                    none, -1, new int[0], groupCounts, groupMembers, map.groupCount, minCohort);
            meanGap = 0;
            centroidDistance = 0;
        }
        return new AnalysisResult.ConvergencePoint(
                w.until(b), counts.votes(b), commonGround, meanGap, centroidDistance);
    }

    /** Index of the first window (in a batch) whose end is at or after the vote; windows when none is. */
    private static int firstWindow(int[] ends, int second) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] >= second) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Window ends in seconds since the first vote, ascending, the last one always the latest vote. */
    static int[] windowEnds(int last, AnalysisOptions options) {
        if (last <= 0) {
            return new int[] {0};
        }
        long width;
        if (options.convergenceWindow() != null) {
            width = Math.max(1, options.convergenceWindow().toSeconds());
            if ((last + width - 1) / width > MAX_WINDOWS) {
                width = (last + MAX_WINDOWS - 1) / MAX_WINDOWS;
            }
        } else {
            width = Math.max(1, (last + AUTO_WINDOWS - 1) / AUTO_WINDOWS);
        }
        int count = (int) ((last + width - 1) / width);
        int[] ends = new int[count];
        for (int k = 0; k < count; k++) {
            ends[k] = (int) Math.min(last, (k + 1) * width);
        }
        return ends;
    }
}
