package org.commonground.analysis;

/** Two cohorts of one dimension, in the order their gap is taken: agree rate of {@code first} minus that of {@code second}. */
public record CohortPair(String first, String second) {
    public CohortPair {
        if (first == null || second == null || first.isBlank() || second.isBlank() || first.equals(second)) {
            throw new IllegalArgumentException("a cohort pair needs two different, non-blank values");
        }
    }

    @Override
    public String toString() {
        return first + "–" + second;
    }
}
