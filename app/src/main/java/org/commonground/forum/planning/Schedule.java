package org.commonground.forum.planning;

/**
 * Where each meeting goes: {@code slot[m]} and {@code table[m]}, both -1 for an unscheduled meeting.
 * {@code upperBound} is a number of meetings no schedule can exceed (see {@link MeetingScheduler#upperBound}).
 */
public record Schedule(int[] slot, int[] table, int upperBound) {
    public int scheduled() {
        int n = 0;
        for (int s : slot) {
            if (s >= 0) {
                n++;
            }
        }
        return n;
    }

    public boolean placed(int meeting) {
        return slot[meeting] >= 0;
    }
}
