package org.commonground.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.forum.planning.MeetingRequest;
import org.commonground.forum.planning.MeetingScheduler;
import org.commonground.forum.planning.Schedule;
import org.commonground.forum.planning.ScheduleProblem;

/**
 * A forum day on the forum's own scheduler. Target: 2,000 delegates, 6,000 requests, 40 tables ×
 * 16 slots in ≤ 30 s, with the share of requests scheduled against an upper bound.
 *
 * <p>Usage: {@code ./commonground bench org.commonground.bench.MeetingSchedulingBench [--delegates 2000]
 * [--requests 6000] [--tables 40] [--slots 16] [--runs 3] [--seed 1]}. Prints one line per run and
 * a JSON line last: median seconds, scheduled meetings, the upper bound (no schedule can place
 * more), their ratio, the scheduled share of each priority, and whether the schedule is valid.
 */
public final class MeetingSchedulingBench {
    public static void main(String[] args) {
        Map<String, Long> o = SyntheticForum.options(
                args,
                Map.of("delegates", 2000L, "requests", 6000L, "tables", 40L, "slots", 16L, "runs", 3L, "seed", 1L));
        ScheduleProblem day = SyntheticForum.day(
                o.get("delegates").intValue(),
                o.get("requests").intValue(),
                o.get("tables").intValue(),
                o.get("slots").intValue(),
                o.get("seed"));
        int runs = o.get("runs").intValue();
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        Schedule schedule = null;
        for (int run = 0; run < runs; run++) {
            double cpuStart = SyntheticForum.cpuSeconds();
            long start = System.nanoTime();
            schedule = MeetingScheduler.schedule(day);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            cpu[run] = SyntheticForum.cpuSeconds() - cpuStart;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %.3f s wall, %.3f s CPU, %d scheduled of bound %d%n",
                    run + 1,
                    seconds[run],
                    cpu[run],
                    schedule.scheduled(),
                    schedule.upperBound());
        }
        List<String> violations = MeetingScheduler.violations(day, schedule);
        int[] asked = new int[4];
        int[] placed = new int[4];
        for (int m = 0; m < day.meetings().size(); m++) {
            MeetingRequest r = day.meetings().get(m);
            asked[r.priority()]++;
            if (schedule.placed(m)) {
                placed[r.priority()]++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "{\"seconds\":%.3f,\"cpuSeconds\":%.3f,\"delegates\":%d,\"requests\":%d,\"tables\":%d,"
                        + "\"slots\":%d,\"scheduled\":%d,\"upperBound\":%d,\"shareOfBound\":%.4f,\"shareOfRequests\":%.4f,"
                        + "\"highScheduled\":%.4f,\"normalScheduled\":%.4f,\"lowScheduled\":%.4f,\"valid\":%b,\"runs\":%d}%n",
                SyntheticForum.median(seconds),
                SyntheticForum.median(cpu),
                day.availability().length,
                day.meetings().size(),
                day.tables(),
                day.slots(),
                schedule.scheduled(),
                schedule.upperBound(),
                (double) schedule.scheduled() / schedule.upperBound(),
                (double) schedule.scheduled() / day.meetings().size(),
                share(placed[3], asked[3]),
                share(placed[2], asked[2]),
                share(placed[1], asked[1]),
                violations.isEmpty(),
                runs);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
