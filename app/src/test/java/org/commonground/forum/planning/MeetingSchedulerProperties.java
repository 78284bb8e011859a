package org.commonground.forum.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random days: no schedule double-books a delegate or a table or ignores availability, a
 * re-run moves no published meeting, and on days small enough to try every placement the
 * schedule never beats the optimum, which never beats the upper bound.
 */
class MeetingSchedulerProperties {
    static ScheduleProblem day(long seed, int delegates, int meetings, int slots, int tables, int publishedEvery) {
        Random random = new Random(seed);
        long[] availability = new long[delegates];
        for (int d = 0; d < delegates; d++) {
            availability[d] = random.nextLong() & ((1L << slots) - 1) | random.nextLong() & ((1L << slots) - 1);
        }
        List<MeetingRequest> list = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            int[] who = random.ints(0, delegates)
                    .distinct()
                    .limit(random.nextInt(4) == 0 ? 3 : 2)
                    .toArray();
            list.add(MeetingRequest.of(1 + random.nextInt(3), who));
        }
        ScheduleProblem problem = new ScheduleProblem(slots, tables, availability, list);
        if (publishedEvery <= 0) {
            return problem;
        }
        Schedule earlier = MeetingScheduler.schedule(problem);
        List<MeetingRequest> again = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            MeetingRequest r = list.get(m);
            boolean publish = earlier.placed(m) && m % publishedEvery == 0;
            again.add(
                    publish
                            ? new MeetingRequest(r.delegates(), r.priority(), earlier.slot()[m], earlier.table()[m])
                            : r);
        }
        // Availability changes after publication; published meetings must still stay put.
        for (int d = 0; d < delegates; d += 3) {
            availability[d] = random.nextLong() & ((1L << slots) - 1);
        }
        return new ScheduleProblem(slots, tables, availability, again);
    }

    @Property(tries = 200)
    void neverDoubleBooksIgnoresAvailabilityOrMovesPublishedMeetings(
            @ForAll long seed,
            @ForAll @IntRange(min = 3, max = 30) int delegates,
            @ForAll @IntRange(min = 1, max = 80) int meetings,
            @ForAll @IntRange(min = 1, max = 8) int slots,
            @ForAll @IntRange(min = 1, max = 4) int tables,
            @ForAll @IntRange(min = 0, max = 3) int publishedEvery) {
        ScheduleProblem problem = day(seed, delegates, meetings, slots, tables, publishedEvery);

        Schedule schedule = MeetingScheduler.schedule(problem);

        assertThat(MeetingScheduler.violations(problem, schedule)).isEmpty();
        for (int m = 0; m < meetings; m++) {
            if (problem.meetings().get(m).published()) {
                assertThat(schedule.slot()[m])
                        .isEqualTo(problem.meetings().get(m).publishedSlot());
            }
        }
        assertThat(schedule.scheduled()).isLessThanOrEqualTo(schedule.upperBound());
    }

    @Property(tries = 100)
    void staysWithinTheOptimumAndTheOptimumWithinTheBound(
            @ForAll long seed,
            @ForAll @IntRange(min = 3, max = 6) int delegates,
            @ForAll @IntRange(min = 1, max = 7) int meetings,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 1, max = 2) int tables) {
        ScheduleProblem problem = day(seed, delegates, meetings, slots, tables, 0);

        Schedule schedule = MeetingScheduler.schedule(problem);
        long[] optimum = optimum(problem, 0, new int[meetings], new long[delegates], new int[slots]);

        assertThat(MeetingScheduler.weight(problem, schedule)).isLessThanOrEqualTo(optimum[0]);
        assertThat(optimum[1]).isLessThanOrEqualTo(MeetingScheduler.upperBound(problem));
    }

    /** Best {weight, most meetings} over every placement (slot or none per meeting), by plain recursion. */
    private static long[] optimum(ScheduleProblem p, int m, int[] slot, long[] busy, int[] load) {
        if (m == slot.length) {
            return new long[] {
                weight(p, slot),
                java.util.Arrays.stream(slot).filter(s -> s >= 0).count()
            };
        }
        slot[m] = -1;
        long[] best = optimum(p, m + 1, slot, busy, load);
        MeetingRequest r = p.meetings().get(m);
        for (int s = 0; s < p.slots(); s++) {
            boolean ok = load[s] < p.tables() && (p.commonAvailability(m) >>> s & 1L) != 0;
            for (int d : r.delegates()) {
                ok &= (busy[d] >>> s & 1L) == 0;
            }
            if (!ok) {
                continue;
            }
            slot[m] = s;
            load[s]++;
            for (int d : r.delegates()) {
                busy[d] |= 1L << s;
            }
            long[] with = optimum(p, m + 1, slot, busy, load);
            best = new long[] {Math.max(best[0], with[0]), Math.max(best[1], with[1])};
            load[s]--;
            for (int d : r.delegates()) {
                busy[d] &= ~(1L << s);
            }
            slot[m] = -1;
        }
        return best;
    }

    private static long weight(ScheduleProblem p, int[] slot) {
        long w = 0;
        for (int m = 0; m < slot.length; m++) {
            if (slot[m] >= 0) {
                w += p.meetings().get(m).weight();
            }
        }
        return w;
    }
}
