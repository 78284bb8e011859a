package org.commonground.integrity;

import java.time.Duration;
import org.commonground.web.NamedSettings;

/**
 * The thresholds of {@link BrigadeSignals}, each a plain number a moderator can reason about. The
 * defaults flag 40 participants who join through one invite within two minutes and vote alike, and
 * leave a class of 40 who join as fast but vote their own minds (see docs/integrity.md).
 *
 * @param burstWindow          the time window joins are counted in (10 min)
 * @param burstMinJoins        fewest joins in one window of one invite or cohort that can be a burst (15)
 * @param burstFactor          a burst has at least this many times the conversation's baseline, the
 *                             median joins per window from its first join to its last (5)
 * @param clusterJoinSpan      participants are compared only with those who joined at most this much
 *                             later (10 min): the bucketing that keeps detection near-linear
 * @param maxNeighbours        at most this many later joiners compared with each participant (256);
 *                             a run of identical voters still links up through its neighbours
 * @param minComparableVotes   fewest current votes for a participant to be compared at all (8)
 * @param similarity           least share of identical votes, over the statements either voted on,
 *                             for two participants to be near-identical (0.9, in [0, 1])
 * @param minClusterSize       fewest near-identical participants that make a cluster (5)
 * @param oneValueMinVotes     a one-value voter cast at least this many votes, all agree or all
 *                             disagree (20)
 * @param leanMinAgrees        fewest agrees on a statement before its support is judged (10)
 * @param leanShare            least share of a statement's agrees from flagged participants (clusters,
 *                             one-value voters) for it to be listed (0.5, in [0, 1])
 */
public record SignalThresholds(
        Duration burstWindow,
        int burstMinJoins,
        double burstFactor,
        Duration clusterJoinSpan,
        int maxNeighbours,
        int minComparableVotes,
        double similarity,
        int minClusterSize,
        int oneValueMinVotes,
        int leanMinAgrees,
        double leanShare) {

    public SignalThresholds {
        if (burstWindow.isNegative()
                || burstWindow.isZero()
                || clusterJoinSpan.isNegative()
                || burstMinJoins < 2
                || burstFactor < 1
                || maxNeighbours < 1
                || minComparableVotes < 1
                || !(similarity > 0 && similarity <= 1)
                || minClusterSize < 2
                || oneValueMinVotes < 2
                || leanMinAgrees < 1
                || !(leanShare > 0 && leanShare <= 1)) {
            throw new IllegalArgumentException("thresholds out of range: " + this);
        }
    }

    public static SignalThresholds defaults() {
        return new SignalThresholds(
                Duration.ofMinutes(10), 15, 5.0, Duration.ofMinutes(10), 256, 8, 0.9, 5, 20, 10, 0.5);
    }

    /** The environment variable an operator sets to change the defaults, e.g. {@code similarity=0.85,burst-window=15}. */
    public static final String ENVIRONMENT = "COMMONGROUND_INTEGRITY";

    /** The defaults with the changes of {@value #ENVIRONMENT}, if set. */
    public static SignalThresholds fromEnvironment() {
        String settings = System.getenv(ENVIRONMENT);
        return settings == null ? defaults() : defaults().with(settings);
    }

    /**
     * These thresholds with some replaced, from {@code name=value,…}: burst-window and
     * cluster-span in minutes; burst-min-joins, max-neighbours, min-votes, min-cluster,
     * one-value-votes, lean-min-agrees as counts; burst-factor; similarity and lean-share in (0, 1].
     */
    public SignalThresholds with(String settings) {
        NamedSettings given = NamedSettings.parse("integrity thresholds", settings);
        SignalThresholds t = new SignalThresholds(
                minutes(given.take("burst-window"), burstWindow),
                count(given.take("burst-min-joins"), burstMinJoins),
                share(given.take("burst-factor"), burstFactor),
                minutes(given.take("cluster-span"), clusterJoinSpan),
                count(given.take("max-neighbours"), maxNeighbours),
                count(given.take("min-votes"), minComparableVotes),
                share(given.take("similarity"), similarity),
                count(given.take("min-cluster"), minClusterSize),
                count(given.take("one-value-votes"), oneValueMinVotes),
                count(given.take("lean-min-agrees"), leanMinAgrees),
                share(given.take("lean-share"), leanShare));
        given.requireAllTaken("burst-window, burst-min-joins, burst-factor, cluster-span, max-neighbours, min-votes,"
                + " similarity, min-cluster, one-value-votes, lean-min-agrees, lean-share");
        return t;
    }

    private static Duration minutes(String text, Duration otherwise) {
        return text == null ? otherwise : Duration.ofMinutes(Long.parseLong(text));
    }

    private static int count(String text, int otherwise) {
        return text == null ? otherwise : Integer.parseInt(text);
    }

    private static double share(String text, double otherwise) {
        return text == null ? otherwise : Double.parseDouble(text);
    }
}
