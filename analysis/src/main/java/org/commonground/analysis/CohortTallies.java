package org.commonground.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every cohort's agree / disagree / pass counts on every statement, for all participants who voted
 * (in the map or not). Counts are held in one int array per dimension; {@link Tally} objects, with
 * their Wilson intervals, are made on request.
 */
public final class CohortTallies {
    private final String[] dimensions;
    private final String[][] values;
    private final long[] statementIds;
    private final int[][] counts;

    CohortTallies(String[] dimensions, String[][] values, long[] statementIds, int[][] counts) {
        this.dimensions = dimensions;
        this.values = values;
        this.statementIds = statementIds;
        this.counts = counts;
    }

    public List<String> dimensions() {
        return List.of(dimensions);
    }

    /** Values of a dimension, ascending; empty for an unknown dimension. */
    public List<String> values(String dimension) {
        int d = Arrays.asList(dimensions).indexOf(dimension);
        return d < 0 ? List.of() : List.of(values[d]);
    }

    public List<Long> statements() {
        return Arrays.stream(statementIds).boxed().toList();
    }

    /**
     * The cohort's tally on the statement; a zero tally if the cohort did not vote on it; empty if the
     * dimension, value or statement is unknown.
     */
    public Optional<Tally> tally(String dimension, String value, long statementId) {
        int d = Arrays.asList(dimensions).indexOf(dimension);
        if (d < 0) {
            return Optional.empty();
        }
        int v = Arrays.binarySearch(values[d], value);
        int s = Arrays.binarySearch(statementIds, statementId);
        if (v < 0 || s < 0) {
            return Optional.empty();
        }
        return Optional.of(tally(d, v, s));
    }

    Tally tally(int d, int v, int s) {
        int b = (v * statementIds.length + s) * 3;
        int[] c = counts[d];
        return Tally.of(c[b + VoteMatrix.AGREE], c[b + VoteMatrix.DISAGREE], c[b + VoteMatrix.PASS]);
    }

    int votes(int d, int v, int s) {
        int b = (v * statementIds.length + s) * 3;
        int[] c = counts[d];
        return c[b] + c[b + 1] + c[b + 2];
    }

    String dimension(int d) {
        return dimensions[d];
    }

    String value(int d, int v) {
        return values[d][v];
    }

    int valueCount(int d) {
        return values[d].length;
    }

    int dimensionCount() {
        return dimensions.length;
    }

    int statementIndex(long statementId) {
        return Arrays.binarySearch(statementIds, statementId);
    }

    long statementId(int s) {
        return statementIds[s];
    }

    int statementCount() {
        return statementIds.length;
    }
}
