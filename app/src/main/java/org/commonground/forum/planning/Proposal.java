package org.commonground.forum.planning;

import java.util.Arrays;

/**
 * One proposed team for a project, explaining itself.
 *
 * @param project     project index
 * @param members     organization index per {@link Seat} (US, JP, KR), -1 for an empty seat
 * @param score       the weighted score in [0, 1]
 * @param coverage    weighted share of the required capabilities covered, in [0, 1]
 * @param coveredBy   per required capability (in the project's order), a bit mask of the seats whose
 *                    member has it (bit 0 US, bit 1 JP, bit 2 KR); 0 means the capability is missing
 */
public record Proposal(int project, int[] members, double score, double coverage, int[] coveredBy) {
    /** Whether required capability {@code i} (position in the project's list) is covered by nobody. */
    public boolean missing(int i) {
        return coveredBy[i] == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal p
                && p.project == project
                && Arrays.equals(p.members, members)
                && p.score == score
                && p.coverage == coverage
                && Arrays.equals(p.coveredBy, coveredBy);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(members) + project;
    }

    @Override
    public String toString() {
        return "Proposal[project=" + project + ", members=" + Arrays.toString(members) + ", score=" + score
                + ", coverage=" + coverage + ", coveredBy=" + Arrays.toString(coveredBy) + "]";
    }
}
