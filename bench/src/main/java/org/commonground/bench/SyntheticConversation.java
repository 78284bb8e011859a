package org.commonground.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;

/**
 * A conversation with a known truth, for validating the engine and for benchmarks.
 *
 * <p>Three opinion groups of unequal size (50 / 30 / 20 %) spread unevenly over JP / KR / US: each
 * group is concentrated in one country. Statements are of five kinds: bridging (every group
 * agrees, 65–85 %), partisan-popular (the largest group agrees strongly, the others split: as
 * popular overall as a bridging statement, but not bridging), divisive (groups on opposite sides),
 * group-specific (one group agrees, the others are lukewarm), and rejected (voted on, then
 * moderated out). Each participant votes on a random subset of statements; with probability
 * {@code noise} a vote ignores the group and is drawn from 40 % agree / 40 % disagree / 20 % pass,
 * which is what limits the best possible group recovery.
 */
public final class SyntheticConversation {
    public enum Kind {
        BRIDGING,
        PARTISAN_POPULAR,
        DIVISIVE,
        GROUP_SPECIFIC,
        REJECTED
    }

    static final double[] GROUP_SHARE = {0.5, 0.3, 0.2};
    static final String[] COUNTRIES = {"JP", "KR", "US"};
    /** P(country | group): each group lives mostly in one country. */
    static final double[][] COUNTRY_OF_GROUP = {{0.6, 0.25, 0.15}, {0.15, 0.7, 0.15}, {0.2, 0.2, 0.6}};

    static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long SPAN_MILLIS = 30L * 24 * 3600 * 1000;

    public final int participants;
    public final int statements;
    public final int[] groupOf;
    public final int[] countryOf;
    public final Kind[] kind;
    /** P(agree), P(disagree) per group and statement, before noise: [group][statement]. */
    public final double[][] agree;

    public final double[][] disagree;
    public final double noise;
    private final int votesPerParticipant;
    private final long seed;
    private final double bridgingFloor;

    public SyntheticConversation(int participants, int statements, int votesPerParticipant, double noise, long seed) {
        this(participants, statements, votesPerParticipant, noise, seed, 0.7);
    }

    /** @param bridgingFloor lowest agree probability of a bridging statement in every group (before noise) */
    public SyntheticConversation(
            int participants, int statements, int votesPerParticipant, double noise, long seed, double bridgingFloor) {
        this(participants, statements, votesPerParticipant, noise, seed, bridgingFloor, DEFAULT_MIX);
    }

    /** Shares of bridging, partisan-popular, divisive, group-specific and rejected statements of the default generator. */
    public static final double[] DEFAULT_MIX = {0.10, 0.12, 0.38, 0.33, 0.07};

    /**
     * @param mix shares of the five {@link Kind}s in declaration order, summing to 1; statements are
     *            laid out in that order, so the kinds' counts are exact up to rounding
     */
    public SyntheticConversation(
            int participants,
            int statements,
            int votesPerParticipant,
            double noise,
            long seed,
            double bridgingFloor,
            double[] mix) {
        if (mix.length != Kind.values().length || Math.abs(Arrays.stream(mix).sum() - 1) > 1e-9) {
            throw new IllegalArgumentException("mix needs one share per kind, summing to 1");
        }
        double[] upTo = new double[mix.length];
        double running = 0;
        for (int i = 0; i < mix.length; i++) {
            running += mix[i];
            upTo[i] = running;
        }
        this.participants = participants;
        this.statements = statements;
        this.votesPerParticipant = Math.min(votesPerParticipant, statements);
        this.noise = noise;
        this.seed = seed;
        this.bridgingFloor = bridgingFloor;
        SplittableRandom random = new SplittableRandom(seed);
        groupOf = new int[participants];
        countryOf = new int[participants];
        for (int p = 0; p < participants; p++) {
            groupOf[p] = draw(GROUP_SHARE, random.nextDouble());
            countryOf[p] = draw(COUNTRY_OF_GROUP[groupOf[p]], random.nextDouble());
        }
        kind = new Kind[statements];
        agree = new double[3][statements];
        disagree = new double[3][statements];
        for (int s = 0; s < statements; s++) {
            double u = (double) s / statements;
            kind[s] = Kind.values()[kindAt(u, upTo)];
            for (int g = 0; g < 3; g++) {
                double a;
                switch (kind[s]) {
                    case BRIDGING -> a = bridgingFloor + 0.2 * random.nextDouble();
                    case PARTISAN_POPULAR -> a = g == 0 ? 0.95 : 0.45;
                    case DIVISIVE -> a = ((s + g) % 3 == 0) ? 0.15 : ((s * 7 + g) % 2 == 0 ? 0.8 : 0.2);
                    case GROUP_SPECIFIC -> a = g == s % 3 ? 0.85 : 0.35;
                    default -> a = 0.4 + 0.2 * random.nextDouble();
                }
                agree[g][s] = a;
                disagree[g][s] = (1 - a) * 0.8;
            }
        }
    }

    /** Builds the vote matrix; ids are offset so they are not dense indices (1000 + s, 100000 + p). */
    public VoteMatrix votes() {
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (int s = 0; s < statements; s++) {
            if (kind[s] == Kind.REJECTED) {
                builder.reject(statementId(s));
            } else {
                builder.statement(statementId(s));
            }
        }
        forEachVote((p, s, value, at) -> builder.vote(participantId(p), statementId(s), value, at));
        return builder.build();
    }

    public Cohorts cohorts() {
        Cohorts.Builder builder = Cohorts.builder();
        for (int p = 0; p < participants; p++) {
            builder.assign(participantId(p), "country", COUNTRIES[countryOf[p]]);
        }
        return builder.build();
    }

    public interface VoteSink {
        void vote(int participant, int statement, int value, long epochMillis);
    }

    /** Streams every vote in a deterministic order; the same seed gives the same votes. */
    public void forEachVote(VoteSink sink) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        int[] chosen = new int[votesPerParticipant];
        long[] seen = new long[(statements + 63) / 64];
        for (int p = 0; p < participants; p++) {
            long arrival = START_MILLIS + (long) (random.nextDouble() * SPAN_MILLIS);
            int votes = Math.max(1, Math.min(statements, (int)
                    Math.round(votesPerParticipant * (0.5 + random.nextDouble()))));
            if (votes > chosen.length) {
                chosen = new int[votes];
            }
            Arrays.fill(seen, 0);
            for (int v = 0; v < votes; v++) {
                int s;
                do {
                    s = random.nextInt(statements);
                } while ((seen[s >>> 6] & (1L << s)) != 0);
                seen[s >>> 6] |= 1L << s;
                int value = voteValue(groupOf[p], s, random);
                sink.vote(p, s, value, arrival + 20_000L * v);
            }
        }
    }

    private int voteValue(int group, int s, SplittableRandom random) {
        double u = random.nextDouble();
        if (random.nextDouble() < noise) {
            return u < 0.4 ? 1 : u < 0.8 ? -1 : 0;
        }
        return u < agree[group][s] ? 1 : u < agree[group][s] + disagree[group][s] ? -1 : 0;
    }

    /** P(vote value | group, statement) including noise: what a Bayes-optimal classifier would use. */
    public double likelihood(int group, int s, int value) {
        double a = agree[group][s];
        double d = disagree[group][s];
        double p = value == 1 ? a : value == -1 ? d : 1 - a - d;
        double q = value == 1 ? 0.4 : value == -1 ? 0.4 : 0.2;
        return (1 - noise) * p + noise * q;
    }

    public static long participantId(int p) {
        return 100_000L + p;
    }

    public static long statementId(int s) {
        return 1_000L + s;
    }

    public static int participantIndex(long id) {
        return (int) (id - 100_000L);
    }

    public static int statementIndex(long id) {
        return (int) (id - 1_000L);
    }

    /** The first kind whose cumulative share exceeds u; the 1e-12 slack keeps rounding in the running sum (0.1 + 0.12 = 0.22000000000000003) from moving a boundary. */
    private static int kindAt(double u, double[] upTo) {
        for (int i = 0; i < upTo.length - 1; i++) {
            if (u < upTo[i] - 1e-12) {
                return i;
            }
        }
        return upTo.length - 1;
    }

    private static int draw(double[] shares, double u) {
        double running = 0;
        for (int i = 0; i < shares.length; i++) {
            running += shares[i];
            if (u < running) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
