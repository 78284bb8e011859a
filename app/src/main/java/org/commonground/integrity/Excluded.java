package org.commonground.integrity;

import java.util.Arrays;
import java.util.Map;

/**
 * The participants of one conversation left out of its analysis now, as the results read them:
 * ids ascending, and how many for each reason (reasons with none absent).
 */
public record Excluded(long[] participantIds, Map<ExclusionReason, Integer> byReason) {
    public static final Excluded NONE = new Excluded(new long[0], Map.of());

    public int count() {
        return participantIds.length;
    }

    public boolean contains(long participantId) {
        return Arrays.binarySearch(participantIds, participantId) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Excluded e
                && Arrays.equals(participantIds, e.participantIds)
                && byReason.equals(e.byReason);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(participantIds) + byReason.hashCode();
    }

    @Override
    public String toString() {
        return "Excluded[" + count() + " " + byReason + "]";
    }
}
