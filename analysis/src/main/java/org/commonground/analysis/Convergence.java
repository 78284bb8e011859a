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

    private Convergence() {
    }

    static List<AnalysisResult.ConvergencePoint> compute(Snapshot full, Cohorts.Bound bound, AnalysisOptions options,
                                                         MapState warm, Parallel parallel) {
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
    static List<AnalysisResult.ConvergencePoint> computeBySnapshots(Snapshot full, Cohorts.Bound bound, AnalysisOptions options,
                                                                    MapState warm, Parallel parallel) {
        VoteMatrix m = full.votes;
        if (m.voteCount() == 0) {
            return List.of();
        }
        int last = m.lastSecond();
        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        for (int end : windowEnds(last, options)) {
            Snapshot snapshot = end >= last ? full : Snapshot.compute(m.until(end), bound, options, warm, full.map.components, parallel);
            out.add(point(m, end, snapshot.votes.voteCount(), snapshot, bound, options));
        }
        return List.copyOf(out);
    }

    private static AnalysisResult.ConvergencePoint point(VoteMatrix m, int end, int votes, Snapshot s, Cohorts.Bound bound,
                                                         AnalysisOptions options) {
        int d = s.commonGroundDimension;
        return new AnalysisResult.ConvergencePoint(Instant.ofEpochMilli(m.originMillis() + 1000L * end), votes,
                s.commonGroundCount(options.minVotesPerCohort()),
                CohortComparison.meanGap(s.tallies, d, options.minVotesPerCohort()),
                CohortComparison.centroidDistance(s.map, bound, d));
    }

    private static List<AnalysisResult.ConvergencePoint> batch(VoteMatrix m, int[] ends, int from, int to, Snapshot full,
                                                               Cohorts.Bound bound, AnalysisOptions options, MapState warm,
                                                               Parallel parallel) {
        int windows = to - from;
        int participants = m.participantCount();
        int statements = m.statementCount();
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        int[] seconds = m.seconds();
        int[] batchEnds = Arrays.copyOfRange(ends, from, to);
        int d = full.commonGroundDimension;
        int[] valueOf = d >= 0 ? bound.valueOf()[d] : null;
        int values = d >= 0 ? bound.values()[d].length : 0;

        // Pass 1, integers only (exact in any order): column sums and counts over each window's map
        // participants (as the full analysis imputes means), cohort tallies, cohort members, votes.
        int minVotes = options.minVotesFor(statements);
        int intChunks = Math.min(Parallel.chunks(participants), Math.max(1, parallel.threads()));
        int columnSize = 2 * statements;
        int tallySize = values * statements * 3;
        int stride = columnSize + tallySize + values + 1;
        int[][] firstPass = new int[intChunks][windows * stride];
        parallel.forEach(participants, intChunks, (c, lo, hi) -> {
            int[] acc = firstPass[c];
            int[] votesBy = new int[windows];
            for (int p = lo; p < hi; p++) {
                int v = valueOf == null ? -1 : valueOf[p];
                Arrays.fill(votesBy, 0);
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int first = firstWindow(batchEnds, seconds[k]);
                    if (first < windows) {
                        votesBy[first]++;
                    }
                }
                for (int b = 1; b < windows; b++) {
                    votesBy[b] += votesBy[b - 1];
                }
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int first = firstWindow(batchEnds, seconds[k]);
                    int s = cells[k] >>> 2;
                    int code = cells[k] & 3;
                    int value = code == VoteMatrix.AGREE ? 1 : code == VoteMatrix.DISAGREE ? -1 : 0;
                    for (int b = first; b < windows; b++) {
                        int base = b * stride;
                        if (votesBy[b] >= minVotes) {
                            acc[base + 2 * s] += value;
                            acc[base + 2 * s + 1]++;
                        }
                        if (v >= 0) {
                            acc[base + columnSize + (v * statements + s) * 3 + code]++;
                        }
                        acc[base + stride - 1]++;
                    }
                }
                if (v >= 0) {
                    for (int b = 0; b < windows; b++) {
                        if (votesBy[b] > 0) {
                            acc[b * stride + columnSize + tallySize + v]++;
                        }
                    }
                }
            }
        });
        int[] counts = Parallel.sumInOrder(firstPass);
        double[][] mean = new double[windows][statements];
        for (int b = 0; b < windows; b++) {
            for (int s = 0; s < statements; s++) {
                int n = counts[b * stride + 2 * s + 1];
                mean[b][s] = n > 0 ? (double) counts[b * stride + 2 * s] / n : 0.0;
            }
        }

        // Pass 2: each participant's position in every window of the batch, on the full result's axes.
        PrincipalComponents axes = full.map.components;
        double scaleBase = statements;
        double[][] px = new double[windows][participants];
        double[][] py = new double[windows][participants];
        boolean[][] inMap = new boolean[windows][participants];
        parallel.forEach(participants, (c, lo, hi) -> {
            int[] votes = new int[windows];
            double[] sx = new double[windows];
            double[] sy = new double[windows];
            for (int p = lo; p < hi; p++) {
                Arrays.fill(votes, 0);
                Arrays.fill(sx, 0.0);
                Arrays.fill(sy, 0.0);
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int first = firstWindow(batchEnds, seconds[k]);
                    int s = cells[k] >>> 2;
                    double value = VoteMatrix.VALUE[cells[k] & 3];
                    for (int b = first; b < windows; b++) {
                        double x = value - mean[b][s];
                        votes[b]++;
                        sx[b] += x * axes.first[s];
                        sy[b] += x * axes.second[s];
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

        // Clustering per window, then pass 3: group tallies of every window of the batch.
        OpinionMap[] maps = new OpinionMap[windows];
        int[][] groupOf = new int[windows][];
        int maxGroups = 0;
        for (int b = 0; b < windows; b++) {
            int n = 0;
            for (boolean in : inMap[b]) {
                if (in) {
                    n++;
                }
            }
            int[] rows = new int[n];
            double[] x = new double[n];
            double[] y = new double[n];
            int i = 0;
            for (int p = 0; p < participants; p++) {
                if (inMap[b][p]) {
                    rows[i] = p;
                    x[i] = px[b][p];
                    y[i] = py[b][p];
                    i++;
                }
            }
            px[b] = null;
            py[b] = null;
            PrincipalComponents windowAxes = new PrincipalComponents(mean[b], axes.first, axes.second, 0);
            maps[b] = OpinionMap.cluster(m, windowAxes, rows, x, y, warm, options.seed(), OpinionMap.BASE_ITERATIONS / 2, parallel);
            int[] of = new int[participants];
            Arrays.fill(of, -1);
            for (int r = 0; r < rows.length; r++) {
                of[rows[r]] = maps[b].groupOfRow[r];
            }
            groupOf[b] = of;
            maxGroups = Math.max(maxGroups, maps[b].groupCount);
        }
        int groupStride = maxGroups * statements * 3;
        int[][] thirdPass = new int[intChunks][windows * groupStride];
        parallel.forEach(participants, intChunks, (c, lo, hi) -> {
            int[] acc = thirdPass[c];
            for (int p = lo; p < hi; p++) {
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    int first = firstWindow(batchEnds, seconds[k]);
                    int s = cells[k] >>> 2;
                    int code = cells[k] & 3;
                    for (int b = first; b < windows; b++) {
                        int g = groupOf[b][p];
                        if (g >= 0) {
                            acc[b * groupStride + (g * statements + s) * 3 + code]++;
                        }
                    }
                }
            }
        });
        int[] groupCounts = Parallel.sumInOrder(thirdPass);

        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        int minCohort = options.minVotesPerCohort();
        for (int b = 0; b < windows; b++) {
            OpinionMap map = maps[b];
            int[] windowGroupCounts = Arrays.copyOfRange(groupCounts, b * groupStride, b * groupStride + map.groupCount * statements * 3);
            int[] groupMembers = new int[map.groupCount];
            for (int g : map.groupOfRow) {
                groupMembers[g]++;
            }
            int base = b * stride;
            int commonGround;
            double meanGap;
            double centroidDistance;
            if (d >= 0) {
                int[] tally = Arrays.copyOfRange(counts, base + columnSize, base + columnSize + tallySize);
                int[] members = Arrays.copyOfRange(counts, base + columnSize + tallySize, base + columnSize + tallySize + values);
                CohortTallies tallies = new CohortTallies(new String[] {bound.dimensions()[d]}, new String[][] {bound.values()[d]},
                        m.statementIds(), new int[][] {tally});
                commonGround = CohortComparison.commonGroundCount(tallies, 0, members, windowGroupCounts, groupMembers,
                        map.groupCount, minCohort);
                meanGap = CohortComparison.meanGap(tallies, 0, minCohort);
                centroidDistance = CohortComparison.centroidDistance(map, bound, d);
            } else {
                CohortTallies none = new CohortTallies(new String[0], new String[0][], m.statementIds(), new int[0][]);
                commonGround = CohortComparison.commonGroundCount(none, -1, new int[0], windowGroupCounts, groupMembers,
                        map.groupCount, minCohort);
                meanGap = 0;
                centroidDistance = 0;
            }
            out.add(new AnalysisResult.ConvergencePoint(Instant.ofEpochMilli(m.originMillis() + 1000L * batchEnds[b]),
                    counts[base + stride - 1], commonGround, meanGap, centroidDistance));
        }
        return out;
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
