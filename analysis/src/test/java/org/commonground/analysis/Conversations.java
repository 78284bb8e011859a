package org.commonground.analysis;

import java.util.SplittableRandom;

/** Small conversations for tests, built the way the app builds them. */
final class Conversations {
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long MINUTE = 60_000L;

    private Conversations() {}

    /**
     * Planted truth: {@code groups} opinion groups of equal size; statement s (of the first
     * {@code bridging}) is agreed by everyone; every other statement is agreed by one group and
     * disagreed by the rest, cycling over groups. Votes follow the plan with probability 1 − noise,
     * otherwise they are random. Participant p (id 1000 + p) belongs to group p % groups and to
     * country JP, KR or US by p % 3 shifted per group, so countries mix the groups.
     */
    static final class Planted {
        final int participants;
        final int statements;
        final int groups;
        final int bridging;
        final VoteMatrix votes;
        final Cohorts cohorts;

        Planted(int participants, int statements, int groups, int bridging, double voteShare, double noise, long seed) {
            this.participants = participants;
            this.statements = statements;
            this.groups = groups;
            this.bridging = bridging;
            SplittableRandom random = new SplittableRandom(seed);
            VoteMatrix.Builder builder = VoteMatrix.builder();
            Cohorts.Builder cohortBuilder = Cohorts.builder();
            String[] countries = {"JP", "KR", "US"};
            for (int p = 0; p < participants; p++) {
                int group = groupOf(p);
                cohortBuilder.assign(participantId(p), "country", countries[(p / groups + group) % 3]);
                for (int s = 0; s < statements; s++) {
                    if (random.nextDouble() >= voteShare) {
                        continue;
                    }
                    int planned = s < bridging ? 1 : ((s - bridging) % groups == group ? 1 : -1);
                    int value = random.nextDouble() < noise ? random.nextInt(3) - 1 : planned;
                    builder.vote(participantId(p), statementId(s), value, T0 + p * MINUTE + s * 1000L);
                }
            }
            votes = builder.build();
            cohorts = cohortBuilder.build();
        }

        int groupOf(int p) {
            return p % groups;
        }

        static long participantId(int p) {
            return 1000 + p;
        }

        static long statementId(int s) {
            return 500 + s;
        }
    }

    static Planted planted(long seed) {
        return new Planted(240, 30, 3, 4, 0.8, 0.15, seed);
    }

    /** Everyone votes the same way on every statement. */
    static VoteMatrix unanimous(int participants, int statements, int value) {
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (int p = 0; p < participants; p++) {
            for (int s = 0; s < statements; s++) {
                builder.vote(p + 1, s + 1, value, T0 + p * MINUTE + s);
            }
        }
        return builder.build();
    }

    /** Random votes, each participant voting on each statement with the given probability. */
    static VoteMatrix random(int participants, int statements, double voteShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (int p = 0; p < participants; p++) {
            for (int s = 0; s < statements; s++) {
                if (random.nextDouble() < voteShare) {
                    builder.vote(p + 1, s + 1, random.nextInt(3) - 1, T0 + random.nextLong(30 * 24 * 60 * MINUTE));
                }
            }
        }
        return builder.build();
    }
}
