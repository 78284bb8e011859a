package org.commonground.forum.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingSchedulerTest {
    private static long[] everyone(int delegates, int slots) {
        long[] a = new long[delegates];
        Arrays.fill(a, (1L << slots) - 1);
        return a;
    }

    @Test
    void givesTheLastTableToTheHigherPriority() {
        var problem = new ScheduleProblem(
                1, 1, everyone(4, 1), List.of(MeetingRequest.of(1, 0, 1), MeetingRequest.of(3, 2, 3)));

        Schedule schedule = MeetingScheduler.schedule(problem);

        assertThat(schedule.placed(1)).isTrue();
        assertThat(schedule.placed(0)).isFalse();
        assertThat(schedule.upperBound()).isEqualTo(1);
    }

    @Test
    void placesMeetingsOnlyWhereEveryDelegateIsAvailable() {
        long[] availability = {0b0011, 0b0110, 0b1100};
        var problem = new ScheduleProblem(
                4,
                2,
                availability,
                List.of(MeetingRequest.of(2, 0, 1), MeetingRequest.of(2, 1, 2), MeetingRequest.of(2, 0, 2)));

        Schedule schedule = MeetingScheduler.schedule(problem);

        assertThat(schedule.slot()[0]).isEqualTo(1);
        assertThat(schedule.slot()[1]).isEqualTo(2);
        assertThat(schedule.placed(2)).isFalse();
        assertThat(MeetingScheduler.violations(problem, schedule)).isEmpty();
    }

    @Test
    void threePartyMeetingsBlockAllThreeDelegates() {
        var problem = new ScheduleProblem(
                2,
                5,
                everyone(4, 2),
                List.of(
                        MeetingRequest.of(3, 0, 1, 2),
                        MeetingRequest.of(2, 2, 3),
                        MeetingRequest.of(2, 1, 3),
                        MeetingRequest.of(1, 0, 3)));

        Schedule schedule = MeetingScheduler.schedule(problem);

        assertThat(MeetingScheduler.violations(problem, schedule)).isEmpty();
        assertThat(schedule.placed(0)).isTrue();
        assertThat(schedule.scheduled()).isEqualTo(2);
    }

    @Test
    void aRerunKeepsPublishedMeetingsWhereTheyAre() {
        var first = new ScheduleProblem(
                4,
                2,
                everyone(6, 4),
                List.of(MeetingRequest.of(2, 0, 1), MeetingRequest.of(2, 2, 3), MeetingRequest.of(1, 4, 5)));
        Schedule published = MeetingScheduler.schedule(first);
        List<MeetingRequest> again = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            again.add(new MeetingRequest(
                    first.meetings().get(m).delegates(),
                    1,
                    published.slot()[m],
                    published.table()[m]));
        }
        // New high-priority meetings that would like the same delegates and slots.
        for (int d = 0; d < 6; d += 2) {
            again.add(MeetingRequest.of(3, d, d + 1));
            again.add(MeetingRequest.of(3, d, (d + 3) % 6));
        }
        var second = new ScheduleProblem(4, 2, everyone(6, 4), again);

        Schedule rerun = MeetingScheduler.schedule(second);

        for (int m = 0; m < 3; m++) {
            assertThat(rerun.slot()[m]).isEqualTo(published.slot()[m]);
            assertThat(rerun.table()[m]).isEqualTo(published.table()[m]);
        }
        assertThat(MeetingScheduler.violations(second, rerun)).isEmpty();
    }

    @Test
    void repairMovesABlockingMeetingToMakeRoom() {
        // Greedy puts the flexible meeting 0-1 into slot 0 (least loaded, lowest); 0-2 can only meet in slot 0.
        long[] availability = {0b11, 0b11, 0b01};
        var problem = new ScheduleProblem(
                2, 1, availability, List.of(MeetingRequest.of(2, 0, 1), MeetingRequest.of(1, 0, 2)));

        Schedule schedule = MeetingScheduler.schedule(problem);

        assertThat(schedule.scheduled()).isEqualTo(2);
        assertThat(MeetingScheduler.violations(problem, schedule)).isEmpty();
    }
}
