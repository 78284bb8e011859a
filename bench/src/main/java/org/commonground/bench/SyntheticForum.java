package org.commonground.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.commonground.forum.planning.MatchingOrganization;
import org.commonground.forum.planning.MatchingProject;
import org.commonground.forum.planning.MeetingRequest;
import org.commonground.forum.planning.ScheduleProblem;

/**
 * Synthetic forums for the solver benchmarks, deterministic per seed. Organizations specialise:
 * each works in one or two of {@value #SECTORS} sectors and has 2–6 capabilities mostly from them
 * ({@value #PER_SECTOR} per sector), so a project's needs (3–6 capabilities of its sector, now and
 * then project finance from outside it) are covered by few organizations per country, as at a real
 * forum, rather than by everyone.
 */
final class SyntheticForum {
    static final int SECTORS = 10;
    static final int PER_SECTOR = 8;
    static final int MARKETS = 12;

    private SyntheticForum() {}

    record Matching(List<MatchingOrganization> organizations, List<MatchingProject> projects, List<int[]> conflicts) {}

    static Matching matching(int organizations, int projects, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MatchingOrganization> orgs = new ArrayList<>(organizations);
        List<List<Integer>> bySector = new ArrayList<>();
        for (int s = 0; s < SECTORS; s++) {
            bySector.add(new ArrayList<>());
        }
        for (int o = 0; o < organizations; o++) {
            int seat = random.nextInt(20) == 0 ? -1 : random.nextInt(3);
            int sector = random.nextInt(SECTORS);
            int second = random.nextInt(3) == 0 ? random.nextInt(SECTORS) : sector;
            int count = 2 + random.nextInt(5);
            int[] caps = new int[count];
            for (int i = 0; i < count; i++) {
                int from = random.nextInt(5) == 0 ? second : sector;
                caps[i] = from * PER_SECTOR + random.nextInt(PER_SECTOR);
            }
            long markets = 0;
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                markets |= 1L << random.nextInt(MARKETS);
            }
            int open = random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
            orgs.add(new MatchingOrganization(
                    seat, MatchingOrganization.capabilities(caps), markets, 1 + random.nextInt(5), open));
            bySector.get(sector).add(o);
        }
        List<MatchingProject> list = new ArrayList<>(projects);
        for (int p = 0; p < projects; p++) {
            int sector = random.nextInt(SECTORS);
            int count = 3 + random.nextInt(4);
            int[] required = random.ints(count, 0, PER_SECTOR)
                    .distinct()
                    .map(i -> sector * PER_SECTOR + i)
                    .toArray();
            if (random.nextInt(3) == 0) {
                // Project finance, capability 0 of sector 0 in this synthetic taxonomy, is wanted everywhere.
                int[] more = java.util.Arrays.copyOf(required, required.length + 1);
                more[required.length] = 0;
                required = java.util.Arrays.stream(more).distinct().toArray();
            }
            double[] weights = new double[required.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + random.nextInt(3);
            }
            List<Integer> pool = bySector.get(sector);
            int[] interested = pool.isEmpty()
                    ? new int[0]
                    : random.ints(Math.min(8, pool.size()), 0, pool.size())
                            .map(pool::get)
                            .distinct()
                            .toArray();
            int[] excluded =
                    random.ints(random.nextInt(3), 0, organizations).distinct().toArray();
            list.add(new MatchingProject(
                    required, weights, random.nextInt(MARKETS), 1 + random.nextInt(5), interested, excluded));
        }
        List<int[]> conflicts = new ArrayList<>();
        for (int c = 0; c < organizations / 5; c++) {
            int a = random.nextInt(organizations);
            int b = random.nextInt(organizations);
            if (a != b) {
                conflicts.add(new int[] {a, b});
            }
        }
        return new Matching(orgs, list, conflicts);
    }

    /**
     * A day: each delegate blocks one to four slots (a talk to give, a flight), 80 % one-to-one and
     * 20 % three-party requests, priorities 1/2/3 in proportion 5/3/2, and some delegates in far more
     * demand than others (a quarter of the invitations go to a tenth of the delegates).
     */
    static ScheduleProblem day(int delegates, int requests, int tables, int slots, long seed) {
        Random random = new Random(seed);
        long all = slots == 64 ? -1L : (1L << slots) - 1;
        long[] availability = new long[delegates];
        for (int d = 0; d < delegates; d++) {
            long blocked = 0;
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                blocked |= 1L << random.nextInt(slots);
            }
            availability[d] = all & ~blocked;
        }
        int popular = Math.max(2, delegates / 10);
        List<MeetingRequest> meetings = new ArrayList<>(requests);
        while (meetings.size() < requests) {
            int size = random.nextInt(5) == 0 ? 3 : 2;
            int[] who = new int[size];
            for (int i = 0; i < size; i++) {
                who[i] = random.nextInt(4) == 0 ? random.nextInt(popular) : random.nextInt(delegates);
            }
            if (java.util.Arrays.stream(who).distinct().count() < size) {
                continue;
            }
            int r = random.nextInt(10);
            meetings.add(MeetingRequest.of(r < 5 ? 1 : r < 8 ? 2 : 3, who));
        }
        return new ScheduleProblem(slots, tables, availability, meetings);
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** {@code --name value} options as integers, with defaults; an unknown option is an error. */
    static java.util.Map<String, Long> options(String[] args, java.util.Map<String, Long> defaults) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!out.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: "
                        + defaults.keySet().stream()
                                .map(k -> "--" + k + " N")
                                .collect(java.util.stream.Collectors.joining(" ")));
            }
            out.put(name, Long.parseLong(args[i + 1]));
        }
        return out;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
