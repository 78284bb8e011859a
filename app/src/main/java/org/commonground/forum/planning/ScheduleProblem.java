package org.commonground.forum.planning;

import java.util.List;

/**
 * A day of meetings to plan.
 *
 * @param slots        time slots of the day, 1..64
 * @param tables       tables (or rooms), ≥ 1, each seating one meeting per slot
 * @param availability per delegate, bit mask of the slots they can attend (bit s = slot s)
 * @param meetings     the accepted meetings
 */
public record ScheduleProblem(int slots, int tables, long[] availability, List<MeetingRequest> meetings) {
    public ScheduleProblem {
        if (slots < 1 || slots > 64 || tables < 1) {
            throw new IllegalArgumentException("1..64 slots and at least one table");
        }
        meetings = List.copyOf(meetings);
        for (MeetingRequest m : meetings) {
            for (int d : m.delegates()) {
                if (d < 0 || d >= availability.length) {
                    throw new IllegalArgumentException("meeting names delegate " + d + " of " + availability.length);
                }
            }
            if (m.published() && (m.publishedSlot() >= slots || m.publishedTable() >= tables)) {
                throw new IllegalArgumentException("published placement outside the day");
            }
        }
    }

    public long allSlots() {
        return slots == 64 ? -1L : (1L << slots) - 1;
    }

    /** Slots every delegate of meeting {@code m} can attend. */
    public long commonAvailability(int m) {
        long common = allSlots();
        for (int d : meetings.get(m).delegates()) {
            common &= availability[d];
        }
        return common;
    }
}
