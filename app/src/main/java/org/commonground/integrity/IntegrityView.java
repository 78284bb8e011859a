package org.commonground.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The integrity panel's data, as the API answers it and the page shows it: the thresholds used,
 * each signal with the names moderators know (invite labels, statement texts) and who of it is
 * already left out of the analysis.
 *
 * @param baselineJoins  median joins per window of {@code thresholds.burstWindowMinutes}
 * @param burstThreshold joins in one window of one invite or cohort that make a burst
 * @param seconds        time the detection took (loading included), seconds
 */
public record IntegrityView(
        long conversationId,
        Thresholds thresholds,
        int participants,
        int votes,
        double baselineJoins,
        int burstThreshold,
        List<Burst> bursts,
        List<Cluster> clusters,
        List<OneValue> oneValueVoters,
        List<Leaned> leanedStatements,
        ExcludedNow excluded,
        Instant computedAt,
        double seconds) {

    /** {@link SignalThresholds} in plain units: minutes, counts, shares in [0, 1]. */
    public record Thresholds(
            long burstWindowMinutes,
            int burstMinJoins,
            double burstFactor,
            long clusterJoinSpanMinutes,
            int maxNeighbours,
            int minComparableVotes,
            double similarity,
            int minClusterSize,
            int oneValueMinVotes,
            int leanMinAgrees,
            double leanShare) {
        static Thresholds of(SignalThresholds t) {
            return new Thresholds(
                    t.burstWindow().toMinutes(),
                    t.burstMinJoins(),
                    t.burstFactor(),
                    t.clusterJoinSpan().toMinutes(),
                    t.maxNeighbours(),
                    t.minComparableVotes(),
                    t.similarity(),
                    t.minClusterSize(),
                    t.oneValueMinVotes(),
                    t.leanMinAgrees(),
                    t.leanShare());
        }
    }

    /**
     * A join burst: through an invite ({@code kind} invite, its id and label) or into a cohort
     * ({@code kind} cohort, the dimension and value); {@code flagged}: of its joiners, those in a
     * cluster or voting one value.
     */
    public record Burst(
            String kind,
            Long inviteId,
            String inviteLabel,
            String dimension,
            String value,
            Instant from,
            Instant to,
            int joins,
            int flagged) {}

    /** A cluster of near-identical voters who joined close together; {@code excluded}: how many are left out now. */
    public record Cluster(
            int number,
            int size,
            List<Long> participantIds,
            Instant firstJoined,
            Instant lastJoined,
            double meanVotes,
            double agreeShare,
            double disagreeShare,
            String mainInvite,
            int mainInviteMembers,
            int excluded) {}

    /** A participant voting one value throughout: +1 agree or −1 disagree. */
    public record OneValue(long participantId, int value, int votes, boolean excluded) {}

    /** A statement whose agrees come mostly from flagged participants; {@code flaggedShare} in [0, 1]. */
    public record Leaned(long statementId, String text, int agrees, int flaggedAgrees, double flaggedShare) {}

    /** Who is left out of the analysis now, by reason code. */
    public record ExcludedNow(int count, Map<String, Integer> byReason) {}
}
