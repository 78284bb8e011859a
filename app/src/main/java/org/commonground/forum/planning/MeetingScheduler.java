package org.commonground.forum.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Puts accepted meetings into slots × tables. Hard rules: no delegate in two meetings of a slot, no
 * table holding two meetings of a slot, every delegate available in the meeting's slot, and every
 * published meeting exactly where it was published. Within those, it places as much priority
 * weight ({@link MeetingRequest#weight()}) as it can.
 *
 * <p>Greedy, then repair: published meetings first, then the rest by priority (highest first) and
 * flexibility (fewest possible slots first), each into its least-loaded feasible slot. A meeting
 * left over then tries each of its slots once more: a single meeting blocking it is moved to
 * another feasible slot, or, failing that, given up if it weighs less. Since every table is alike,
 * tables are dealt out per slot after the fact, keeping published ones. {@link #schedule} keeps the
 * best of this run and of restarts that break ties at random with fixed seeds: deterministic.
 */
public final class MeetingScheduler {
    private final ScheduleProblem problem;
    private final int n;
    private final long[] common;
    private final long[] busy;
    /** meetingAt[d * slots + s]: the meeting delegate d sits in at slot s, or -1. */
    private final int[] meetingAt;

    private final int[] load;
    /** members[s][0 .. load[s]): the meetings placed in slot s. */
    private final int[][] members;
    /** Slots whose every table is taken. */
    private long full;

    private final int[] slot;
    /** Null for the plain greedy order; otherwise breaks ties at random, for a restart. */
    private final SplittableRandom random;

    private MeetingScheduler(ScheduleProblem problem, SplittableRandom random) {
        this.problem = problem;
        this.random = random;
        this.n = problem.meetings().size();
        this.common = new long[n];
        for (int m = 0; m < n; m++) {
            common[m] = problem.commonAvailability(m);
        }
        this.busy = new long[problem.availability().length];
        this.meetingAt = new int[problem.availability().length * problem.slots()];
        Arrays.fill(meetingAt, -1);
        this.load = new int[problem.slots()];
        this.members = new int[problem.slots()][problem.tables()];
        this.slot = new int[n];
        Arrays.fill(slot, -1);
    }

    /**
     * The best of the plain greedy-and-repair run and a few restarts that break ties at random
     * (fixed seeds, so the result is deterministic); the number of restarts shrinks with the size
     * of the day so that a large one stays within seconds.
     */
    public static Schedule schedule(ScheduleProblem problem) {
        long work = (long) problem.meetings().size() * problem.slots() + 1;
        int restarts = (int) Math.min(64, Math.max(8, 4_000_000L / work));
        Schedule best = new MeetingScheduler(problem, null).run();
        long bestWeight = weight(problem, best);
        for (int r = 1; r <= restarts; r++) {
            Schedule candidate = new MeetingScheduler(problem, new SplittableRandom(r)).run();
            long w = weight(problem, candidate);
            if (w > bestWeight) {
                best = candidate;
                bestWeight = w;
            }
        }
        return new Schedule(best.slot(), best.table(), upperBound(problem));
    }

    /** Total priority weight of the placed meetings. */
    public static long weight(ScheduleProblem problem, Schedule schedule) {
        long w = 0;
        for (int m = 0; m < problem.meetings().size(); m++) {
            if (schedule.placed(m)) {
                w += problem.meetings().get(m).weight();
            }
        }
        return w;
    }

    private Schedule run() {
        List<MeetingRequest> meetings = problem.meetings();
        boolean[] keptPublished = new boolean[n];
        for (int m = 0; m < n; m++) {
            MeetingRequest r = meetings.get(m);
            if (r.published()
                    && (busyMask(m) >>> r.publishedSlot() & 1L) == 0
                    && load[r.publishedSlot()] < problem.tables()) {
                place(m, r.publishedSlot());
                keptPublished[m] = true;
            }
        }
        Integer[] order = IntStream.range(0, n)
                .filter(m -> !meetings.get(m).published())
                .boxed()
                .toArray(Integer[]::new);
        int[] noise = new int[n];
        if (random != null) {
            for (int m = 0; m < n; m++) {
                noise[m] = random.nextInt(1 << 20);
            }
        }
        // A restart loosens "fewest possible slots first" by up to two slots and breaks ties at random.
        Arrays.sort(
                order,
                Comparator.<Integer>comparingInt(m -> -meetings.get(m).priority())
                        .thenComparingInt(m -> Long.bitCount(common[m]) + (random == null ? 0 : noise[m] % 3))
                        .thenComparingInt(m -> random == null ? m : noise[m]));
        for (int m : order) {
            long free = freeSlots(m);
            if (free != 0) {
                place(m, leastLoaded(free));
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            boolean improved = false;
            for (int m : order) {
                if (slot[m] < 0 && repair(m, keptPublished)) {
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Schedule(slot.clone(), tables(keptPublished), -1);
    }

    /** Slots of {@code m}'s common availability where none of its delegates is busy and a table is free. */
    private long freeSlots(int m) {
        return common[m] & ~busyMask(m) & ~full;
    }

    private long busyMask(int m) {
        long b = 0;
        for (int d : problem.meetings().get(m).delegates()) {
            b |= busy[d];
        }
        return b;
    }

    private int leastLoaded(long slots) {
        int best = -1;
        for (long rest = slots; rest != 0; rest &= rest - 1) {
            int s = Long.numberOfTrailingZeros(rest);
            if (best < 0
                    || load[s] < load[best]
                    || (load[s] == load[best] && random != null && random.nextInt(3) == 0)) {
                best = s;
            }
        }
        return best;
    }

    private void place(int m, int s) {
        slot[m] = s;
        members[s][load[s]++] = m;
        if (load[s] == problem.tables()) {
            full |= 1L << s;
        }
        for (int d : problem.meetings().get(m).delegates()) {
            busy[d] |= 1L << s;
            meetingAt[d * problem.slots() + s] = m;
        }
    }

    private void remove(int m) {
        int s = slot[m];
        slot[m] = -1;
        int i = 0;
        while (members[s][i] != m) {
            i++;
        }
        members[s][i] = members[s][--load[s]];
        full &= ~(1L << s);
        for (int d : problem.meetings().get(m).delegates()) {
            busy[d] &= ~(1L << s);
            meetingAt[d * problem.slots() + s] = -1;
        }
    }

    /**
     * Tries to place unscheduled {@code m} in one of its slots where exactly one movable meeting
     * stands in the way (sharing a delegate, or holding the last table): moves that meeting
     * elsewhere, or gives it up when it weighs less than {@code m}.
     */
    private boolean repair(int m, boolean[] keptPublished) {
        MeetingRequest request = problem.meetings().get(m);
        int fallbackSlot = -1;
        int fallbackBlocker = -1;
        for (long rest = common[m]; rest != 0; rest &= rest - 1) {
            int s = Long.numberOfTrailingZeros(rest);
            int blocker = -1;
            boolean blocked = false;
            for (int d : request.delegates()) {
                int other = meetingAt[d * problem.slots() + s];
                if (other >= 0 && other != blocker) {
                    if (blocker >= 0) {
                        blocked = true;
                        break;
                    }
                    blocker = other;
                }
            }
            if (blocked) {
                continue;
            }
            if (blocker < 0) {
                if (load[s] < problem.tables()) {
                    place(m, s);
                    return true;
                }
                blocker = movableAt(s, keptPublished);
                if (blocker < 0) {
                    continue;
                }
            }
            if (keptPublished[blocker]) {
                continue;
            }
            remove(blocker);
            long elsewhere = freeSlots(blocker) & ~(1L << s);
            if (elsewhere != 0) {
                place(blocker, leastLoaded(elsewhere));
                place(m, s);
                return true;
            }
            place(blocker, s);
            if (fallbackSlot < 0 && problem.meetings().get(blocker).weight() < request.weight()) {
                fallbackSlot = s;
                fallbackBlocker = blocker;
            }
        }
        if (fallbackSlot >= 0) {
            remove(fallbackBlocker);
            place(m, fallbackSlot);
            return true;
        }
        return false;
    }

    /** A meeting at slot {@code s} that could move, preferring one that can go elsewhere; -1 if none. */
    private int movableAt(int s, boolean[] keptPublished) {
        int any = -1;
        // Once every slot is full nothing can move; only the lightest meeting is worth naming.
        boolean allFull = full == problem.allSlots();
        for (int i = 0; i < load[s]; i++) {
            int m = members[s][i];
            if (!keptPublished[m]) {
                if (!allFull && (common[m] & ~busyMask(m) & ~full & ~(1L << s)) != 0) {
                    return m;
                }
                if (any < 0
                        || problem.meetings().get(m).weight()
                                < problem.meetings().get(any).weight()) {
                    any = m;
                }
            }
        }
        return any;
    }

    /** Deals out tables per slot: published meetings keep theirs, the others take the lowest free ones. */
    private int[] tables(boolean[] keptPublished) {
        int[] table = new int[n];
        Arrays.fill(table, -1);
        boolean[][] taken = new boolean[problem.slots()][problem.tables()];
        for (int m = 0; m < n; m++) {
            if (keptPublished[m]) {
                MeetingRequest r = problem.meetings().get(m);
                if (!taken[r.publishedSlot()][r.publishedTable()]) {
                    taken[r.publishedSlot()][r.publishedTable()] = true;
                    table[m] = r.publishedTable();
                } else {
                    // Two published meetings claimed one table: the later one loses its placement.
                    remove(m);
                    keptPublished[m] = false;
                }
            }
        }
        for (int m = 0; m < n; m++) {
            if (slot[m] >= 0 && table[m] < 0) {
                int t = 0;
                while (taken[slot[m]][t]) {
                    t++;
                }
                taken[slot[m]][t] = true;
                table[m] = t;
            }
        }
        return table;
    }

    /**
     * A number of meetings no schedule can exceed: at most slots × tables; meetings whose delegates
     * share no slot cannot be placed; and a delegate with more meetings than slots they can attend
     * must lose the excess, while one lost meeting relieves at most as many delegates as it has.
     */
    public static int upperBound(ScheduleProblem problem) {
        int delegates = problem.availability().length;
        long[] open = problem.availability().clone();
        for (MeetingRequest m : problem.meetings()) {
            if (m.published()) {
                for (int d : m.delegates()) {
                    open[d] |= 1L << m.publishedSlot();
                }
            }
        }
        int[] degree = new int[delegates];
        int feasible = 0;
        int widest = 2;
        for (int i = 0; i < problem.meetings().size(); i++) {
            MeetingRequest m = problem.meetings().get(i);
            if (m.published() || problem.commonAvailability(i) != 0) {
                feasible++;
                widest = Math.max(widest, m.delegates().length);
                for (int d : m.delegates()) {
                    degree[d]++;
                }
            }
        }
        long totalExcess = 0;
        int maxExcess = 0;
        for (int d = 0; d < delegates; d++) {
            int excess = Math.max(0, degree[d] - Long.bitCount(open[d] & problem.allSlots()));
            totalExcess += excess;
            maxExcess = Math.max(maxExcess, excess);
        }
        long dropped = Math.max(maxExcess, (totalExcess + widest - 1) / widest);
        return (int) Math.min((long) problem.slots() * problem.tables(), feasible - dropped);
    }

    /** Every broken rule of a schedule, in words (empty when it is valid); for tests and benchmarks. */
    public static List<String> violations(ScheduleProblem problem, Schedule schedule) {
        List<String> out = new ArrayList<>();
        int slots = problem.slots();
        int[] delegateAt = new int[problem.availability().length * slots];
        int[] tableAt = new int[slots * problem.tables()];
        Arrays.fill(delegateAt, -1);
        Arrays.fill(tableAt, -1);
        for (int m = 0; m < problem.meetings().size(); m++) {
            MeetingRequest r = problem.meetings().get(m);
            int s = schedule.slot()[m];
            int t = schedule.table()[m];
            if (r.published() && s >= 0 && (s != r.publishedSlot() || t != r.publishedTable())) {
                out.add("published meeting " + m + " moved");
            }
            if (s < 0) {
                continue;
            }
            if (s >= slots || t < 0 || t >= problem.tables()) {
                out.add("meeting " + m + " outside the grid");
                continue;
            }
            if (tableAt[s * problem.tables() + t] >= 0) {
                out.add("table " + t + " double-booked in slot " + s);
            }
            tableAt[s * problem.tables() + t] = m;
            for (int d : r.delegates()) {
                if (delegateAt[d * slots + s] >= 0) {
                    out.add("delegate " + d + " double-booked in slot " + s);
                }
                delegateAt[d * slots + s] = m;
                if (!r.published() && (problem.availability()[d] >>> s & 1L) == 0) {
                    out.add("delegate " + d + " unavailable in slot " + s);
                }
            }
        }
        return out;
    }
}
