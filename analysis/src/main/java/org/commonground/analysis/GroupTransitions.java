package org.commonground.analysis;

import java.util.Arrays;

/**
 * How the people followed across a dialogue moved between opinion groups from one round to the next.
 * Rows are where a person was in the earlier round, columns where they were in the later one: an
 * opinion group id (0 … groups−1, as in that round's {@link AnalysisResult}), {@link #UNGROUPED}
 * (voted, but too little to be placed on the map) or {@link #ABSENT} (no vote that round; the
 * ABSENT row is the newcomers, the ABSENT column those who left). A person absent from both rounds is
 * not counted. Every count is a number of people, ≥ 0. Immutable.
 */
public final class GroupTransitions {
    /** Not in the round at all. */
    public static final int ABSENT = -1;
    /** In the round but not in its opinion map. */
    public static final int UNGROUPED = -2;

    private final int fromRound;
    private final int toRound;
    private final int fromGroups;
    private final int toGroups;
    private final int[] counts;

    GroupTransitions(int fromRound, int toRound, int fromGroups, int toGroups, int[] counts) {
        this.fromRound = fromRound;
        this.toRound = toRound;
        this.fromGroups = fromGroups;
        this.toGroups = toGroups;
        this.counts = counts;
    }

    /**
     * Counts the people table of two rounds: {@code fromGroup[j]} and {@code toGroup[j]} are person j's
     * group id, UNGROUPED or ABSENT in each.
     */
    static GroupTransitions count(
            int fromRound, int toRound, int fromGroups, int toGroups, int[] fromGroup, int[] toGroup) {
        int columns = toGroups + 2;
        int[] counts = new int[(fromGroups + 2) * columns];
        for (int j = 0; j < fromGroup.length; j++) {
            if (fromGroup[j] == ABSENT && toGroup[j] == ABSENT) {
                continue;
            }
            counts[slot(fromGroup[j], fromGroups) * columns + slot(toGroup[j], toGroups)]++;
        }
        return new GroupTransitions(fromRound, toRound, fromGroups, toGroups, counts);
    }

    private static int slot(int group, int groups) {
        return group >= 0 ? group : group == UNGROUPED ? groups : groups + 1;
    }

    public int fromRound() {
        return fromRound;
    }

    public int toRound() {
        return toRound;
    }

    /** Opinion groups in the earlier round, 0 … 5. */
    public int fromGroups() {
        return fromGroups;
    }

    /** Opinion groups in the later round, 0 … 5. */
    public int toGroups() {
        return toGroups;
    }

    /** People in {@code from} (group id, UNGROUPED or ABSENT) in the earlier round and {@code to} in the later one. */
    public int count(int from, int to) {
        check(from, fromGroups);
        check(to, toGroups);
        return counts[slot(from, fromGroups) * (toGroups + 2) + slot(to, toGroups)];
    }

    /** People in both rounds, grouped or not. */
    public int returning() {
        int total = 0;
        for (int from = UNGROUPED; from < fromGroups; from++) {
            for (int to = UNGROUPED; to < toGroups; to++) {
                total += from == ABSENT || to == ABSENT ? 0 : count(from, to);
            }
        }
        return total;
    }

    /** Everyone counted: every cell summed. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    private static void check(int group, int groups) {
        if (group < UNGROUPED || group >= groups) {
            throw new IllegalArgumentException(
                    "group " + group + " is not a group id, UNGROUPED or ABSENT of a round with " + groups + " groups");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupTransitions other
                && fromRound == other.fromRound
                && toRound == other.toRound
                && fromGroups == other.fromGroups
                && toGroups == other.toGroups
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + fromRound * 7 + toRound;
    }

    @Override
    public String toString() {
        return "GroupTransitions[" + fromRound + "→" + toRound + ", " + fromGroups + "×" + toGroups + " groups, "
                + total() + " people]";
    }
}
