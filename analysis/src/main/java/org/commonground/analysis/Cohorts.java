package org.commonground.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which cohort each participant belongs to along each dimension, e.g. country = JP, role = student.
 * A participant has at most one value per dimension (the last assignment wins) and may have none.
 * Dimensions and values are plain strings compared exactly; they come out sorted.
 */
public final class Cohorts {
    private static final Cohorts NONE = new Cohorts(Map.of());
    private final Map<String, Map<Long, String>> byDimension;

    private Cohorts(Map<String, Map<Long, String>> byDimension) {
        this.byDimension = byDimension;
    }

    public static Cohorts none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> dimensions() {
        return List.copyOf(byDimension.keySet());
    }

    public Optional<String> valueOf(long participantId, String dimension) {
        Map<Long, String> values = byDimension.get(dimension);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(participantId));
    }

    /**
     * Dense per-participant value indices for the participants of a vote matrix; −1 for none.
     * Only values held by someone in the matrix are kept.
     */
    Bound bind(VoteMatrix m) {
        int n = dimensionsCount();
        String[] names = byDimension.keySet().toArray(String[]::new);
        String[][] values = new String[n][];
        int[][] valueOf = new int[n][];
        for (int d = 0; d < n; d++) {
            Map<Long, String> assigned = byDimension.get(names[d]);
            TreeSet<String> present = new TreeSet<>();
            for (var e : assigned.entrySet()) {
                if (m.participantIndex(e.getKey()) >= 0) {
                    present.add(e.getValue());
                }
            }
            values[d] = present.toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int v = 0; v < values[d].length; v++) {
                index.put(values[d][v], v);
            }
            int[] of = new int[m.participantCount()];
            for (int p = 0; p < of.length; p++) {
                String value = assigned.get(m.participantId(p));
                of[p] = value == null ? -1 : index.get(value);
            }
            valueOf[d] = of;
        }
        return new Bound(names, values, valueOf);
    }

    private int dimensionsCount() {
        return byDimension.size();
    }

    /** Cohort values as dense indices: valueOf[dimension][participant index] indexes values[dimension]. */
    record Bound(String[] dimensions, String[][] values, int[][] valueOf) {
        int dimension(String name) {
            for (int d = 0; d < dimensions.length; d++) {
                if (dimensions[d].equals(name)) {
                    return d;
                }
            }
            return -1;
        }
    }

    /** Collects assignments; participants never seen in the votes are simply ignored by the analysis. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Map<Long, String>> byDimension = new TreeMap<>();

        private Builder() {}

        public Builder assign(long participantId, String dimension, String value) {
            if (dimension == null || dimension.isBlank() || value == null || value.isBlank()) {
                throw new IllegalArgumentException("cohort dimension and value must not be blank");
            }
            byDimension.computeIfAbsent(dimension, d -> new HashMap<>()).put(participantId, value);
            return this;
        }

        public Cohorts build() {
            Map<String, Map<Long, String>> copy = new TreeMap<>();
            for (var e : byDimension.entrySet()) {
                copy.put(e.getKey(), Map.copyOf(e.getValue()));
            }
            return new Cohorts(copy);
        }
    }
}
