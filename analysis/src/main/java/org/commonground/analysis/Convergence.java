package org.commonground.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis repeated on cumulative windows of the vote history, to show whether cohorts move
 * towards each other. Each window holds the current votes cast by its end (a vote later replaced
 * by a newer one is not in the matrix, so early windows see the final opinion of early voters).
 * Windows keep the full result's principal axes, so that centroid distances of different windows
 * are measured in one coordinate system (and no power iteration runs per window); their k-means
 * starts from the full result's centres; they skip bridging and repness.
 */
final class Convergence {
    /** Auto windows: enough points for a trend line, few enough to stay a fraction of the full analysis. */
    static final int AUTO_WINDOWS = 8;
    static final int MAX_WINDOWS = 100;

    private Convergence() {
    }

    static List<AnalysisResult.ConvergencePoint> compute(Snapshot full, Cohorts.Bound bound, AnalysisOptions options,
                                                         MapState warm, Parallel parallel) {
        VoteMatrix m = full.votes;
        if (m.voteCount() == 0) {
            return List.of();
        }
        int last = m.lastSecond();
        List<AnalysisResult.ConvergencePoint> out = new ArrayList<>();
        for (int end : windowEnds(last, options)) {
            Snapshot snapshot = end >= last ? full : Snapshot.compute(m.until(end), bound, options, warm, full.map.components, parallel);
            int d = snapshot.commonGroundDimension;
            out.add(new AnalysisResult.ConvergencePoint(
                    Instant.ofEpochMilli(m.originMillis() + 1000L * end),
                    snapshot.votes.voteCount(),
                    snapshot.commonGroundCount(options.minVotesPerCohort()),
                    CohortComparison.meanGap(snapshot.tallies, d, options.minVotesPerCohort()),
                    CohortComparison.centroidDistance(snapshot.map, bound, d)));
        }
        return List.copyOf(out);
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
