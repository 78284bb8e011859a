package org.commonground.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs of brigading in one conversation, from who joined when (and through which invite, into
 * which cohort) and their current votes. A plain, deterministic algorithm with stated thresholds
 * ({@link SignalThresholds}); the same input gives the same signals in the same order.
 *
 * <ol>
 * <li><b>Join bursts</b>: the conversation's baseline is the median number of joins per window
 *     ({@code burstWindow}) from its first join to its last, empty windows included. A burst is a
 *     stretch in which one invite, or one cohort value, gathers at least {@code burstMinJoins} and
 *     {@code burstFactor} × baseline joins within one window (sliding, so a burst astride a window
 *     boundary is not halved).
 * <li><b>Clusters</b>: participants with at least {@code minComparableVotes} current votes, in join
 *     order, are each compared with the next ones who joined at most {@code clusterJoinSpan} later
 *     (at most {@code maxNeighbours} of them). Two are near-identical when the statements they
 *     voted alike are at least {@code similarity} of the statements either voted on. Near-identical
 *     pairs join one cluster (union-find); clusters of {@code minClusterSize} or more are reported.
 *     Work is linear in participants × neighbours × votes each, never all pairs.
 * <li><b>One-value voters</b>: {@code oneValueMinVotes} or more current votes, all agree or all
 *     disagree.
 * <li><b>Leaned statements</b>: at least {@code leanMinAgrees} agrees, of which at least
 *     {@code leanShare} come from flagged participants (in a cluster or one-value voters).
 * </ol>
 */
public final class BrigadeSignals {
    private static final int PASS = 0;
    private static final int AGREE = 1;
    private static final int DISAGREE = 2;

    private BrigadeSignals() {}

    /** A burst of joins through one invite ({@code inviteId} ≠ 0) or into one cohort value. */
    public record JoinBurst(
            long inviteId, String dimension, String value, Instant from, Instant to, int joins, int flagged) {
        public boolean byInvite() {
            return inviteId != 0;
        }
    }

    /**
     * Near-identical voters who joined close together, ids ascending; {@code agreeShare} and
     * {@code disagreeShare} are shares of their votes in [0, 1]; {@code mainInviteId} is the invite
     * most of them used (0: none), {@code mainInviteMembers} how many did.
     */
    public record VoteCluster(
            List<Long> participants,
            Instant firstJoined,
            Instant lastJoined,
            double meanVotes,
            double agreeShare,
            double disagreeShare,
            long mainInviteId,
            int mainInviteMembers) {
        public int size() {
            return participants.size();
        }
    }

    /** A participant whose every current vote is the same: {@code value} +1 agree or −1 disagree. */
    public record OneValueVoter(long participantId, int value, int votes) {}

    /** A statement whose agrees come mostly from flagged participants. */
    public record LeanedStatement(long statementId, int agrees, int flaggedAgrees) {
        /** Share of the agrees from flagged participants, in [0, 1]. */
        public double flaggedShare() {
            return agrees == 0 ? 0 : (double) flaggedAgrees / agrees;
        }
    }

    /**
     * What {@link #detect} found. {@code baselineJoins}: the median joins per window; {@code
     * burstThreshold}: the joins in one window that make a burst; {@code comparisons}: pairs of
     * participants compared (the cost).
     */
    public record Signals(
            int participants,
            int votes,
            double baselineJoins,
            int burstThreshold,
            List<JoinBurst> bursts,
            List<VoteCluster> clusters,
            List<OneValueVoter> oneValueVoters,
            List<LeanedStatement> leanedStatements,
            long comparisons) {
        /** Everyone in a cluster or a one-value voter, ascending. */
        public long[] flagged() {
            return Arrays.stream(flaggedIds(clusters, oneValueVoters)).sorted().toArray();
        }
    }

    public static Input.Builder input() {
        return new Input.Builder();
    }

    /**
     * Participants in join order (ties by id) with their current votes in compressed rows: row
     * {@code i} is {@code cells[rowStart[i] .. rowStart[i+1])}, each cell {@code statementIndex << 2
     * | code} (code 0 pass, 1 agree, 2 disagree), sorted.
     */
    public static final class Input {
        final long[] ids;
        final long[] joinedAt;
        final long[] invites;
        final Map<String, String[]> cohorts;
        final long[] statementIds;
        final int[] rowStart;
        final int[] cells;

        private Input(
                long[] ids,
                long[] joinedAt,
                long[] invites,
                Map<String, String[]> cohorts,
                long[] statementIds,
                int[] rowStart,
                int[] cells) {
            this.ids = ids;
            this.joinedAt = joinedAt;
            this.invites = invites;
            this.cohorts = cohorts;
            this.statementIds = statementIds;
            this.rowStart = rowStart;
            this.cells = cells;
        }

        public int participants() {
            return ids.length;
        }

        public int votes() {
            return cells.length;
        }

        /** Collects participants, cohort values and current votes in any order; votes of unknown participants are ignored. */
        public static final class Builder {
            private long[] pIds = new long[64];
            private long[] pJoined = new long[64];
            private long[] pInvite = new long[64];
            private int participants;
            private long[] vP = new long[1024];
            private long[] vS = new long[1024];
            private byte[] vV = new byte[1024];
            private int votes;
            private final Map<String, Map<Long, String>> cohorts = new LinkedHashMap<>();

            /** @param inviteId the invite the participant joined through, 0 for none */
            public Builder participant(long id, long joinedAtMillis, long inviteId) {
                if (participants == pIds.length) {
                    int n = participants * 2;
                    pIds = Arrays.copyOf(pIds, n);
                    pJoined = Arrays.copyOf(pJoined, n);
                    pInvite = Arrays.copyOf(pInvite, n);
                }
                pIds[participants] = id;
                pJoined[participants] = joinedAtMillis;
                pInvite[participants] = inviteId;
                participants++;
                return this;
            }

            public Builder cohort(long participantId, String dimension, String value) {
                cohorts.computeIfAbsent(dimension, d -> new HashMap<>()).put(participantId, value);
                return this;
            }

            /** One current vote: +1 agree, −1 disagree, 0 pass; at most one per participant and statement. */
            public Builder vote(long participantId, long statementId, int value) {
                if (value < -1 || value > 1) {
                    throw new IllegalArgumentException("vote value must be -1, 0 or 1: " + value);
                }
                if (votes == vP.length) {
                    int n = votes + (votes >> 1) + 16;
                    vP = Arrays.copyOf(vP, n);
                    vS = Arrays.copyOf(vS, n);
                    vV = Arrays.copyOf(vV, n);
                }
                vP[votes] = participantId;
                vS[votes] = statementId;
                vV[votes] = (byte) value;
                votes++;
                return this;
            }

            public Input build() {
                int n = participants;
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(
                        order,
                        Comparator.<Integer>comparingLong(i -> pJoined[i]).thenComparingLong(i -> pIds[i]));
                long[] ids = new long[n];
                long[] joined = new long[n];
                long[] invites = new long[n];
                for (int k = 0; k < n; k++) {
                    ids[k] = pIds[order[k]];
                    joined[k] = pJoined[order[k]];
                    invites[k] = pInvite[order[k]];
                }
                // id → join-order index through a sorted copy: no boxing per vote
                long[] byId = ids.clone();
                Arrays.sort(byId);
                int[] indexOfSorted = new int[n];
                for (int k = 0; k < n; k++) {
                    indexOfSorted[Arrays.binarySearch(byId, ids[k])] = k;
                }
                long[] statements =
                        Arrays.stream(vS, 0, votes).sorted().distinct().toArray();
                int[] rowOfVote = new int[votes];
                int[] rowStart = new int[n + 1];
                for (int v = 0; v < votes; v++) {
                    int s = Arrays.binarySearch(byId, vP[v]);
                    rowOfVote[v] = s < 0 ? -1 : indexOfSorted[s];
                    if (s >= 0) {
                        rowStart[rowOfVote[v] + 1]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    rowStart[i + 1] += rowStart[i];
                }
                int[] fill = Arrays.copyOf(rowStart, n);
                int[] cells = new int[rowStart[n]];
                for (int v = 0; v < votes; v++) {
                    int row = rowOfVote[v];
                    if (row >= 0) {
                        int code = vV[v] == 1 ? AGREE : vV[v] == -1 ? DISAGREE : PASS;
                        cells[fill[row]++] = Arrays.binarySearch(statements, vS[v]) << 2 | code;
                    }
                }
                for (int i = 0; i < n; i++) {
                    Arrays.sort(cells, rowStart[i], rowStart[i + 1]);
                }
                Map<String, String[]> cohortColumns = new LinkedHashMap<>();
                cohorts.forEach((dimension, values) -> {
                    String[] column = new String[n];
                    values.forEach((participant, value) -> {
                        int s = Arrays.binarySearch(byId, participant);
                        if (s >= 0) {
                            column[indexOfSorted[s]] = value;
                        }
                    });
                    cohortColumns.put(dimension, column);
                });
                return new Input(ids, joined, invites, cohortColumns, statements, rowStart, cells);
            }
        }
    }

    public static Signals detect(Input in, SignalThresholds t) {
        int n = in.participants();
        long[] comparisons = new long[1];
        List<VoteCluster> clusters = clusters(in, t, comparisons);
        List<OneValueVoter> oneValue = oneValueVoters(in, t);
        boolean[] flagged = new boolean[n];
        markFlagged(in, clusters, oneValue, flagged);
        double baseline = baseline(in.joinedAt, t.burstWindow().toMillis());
        int threshold = Math.max(t.burstMinJoins(), (int) Math.ceil(t.burstFactor() * baseline));
        List<JoinBurst> bursts = bursts(in, t.burstWindow().toMillis(), threshold, flagged);
        return new Signals(
                n, in.votes(), baseline, threshold, bursts, clusters, oneValue, leaned(in, t, flagged), comparisons[0]);
    }

    /** Median joins per window over every window from the first join to the last, empty ones included. */
    static double baseline(long[] joinedAtSorted, long windowMillis) {
        int n = joinedAtSorted.length;
        if (n == 0) {
            return 0;
        }
        long origin = joinedAtSorted[0];
        long span = (joinedAtSorted[n - 1] - origin) / windowMillis + 1;
        List<Integer> counts = new ArrayList<>();
        long window = -1;
        for (long at : joinedAtSorted) {
            long w = (at - origin) / windowMillis;
            if (w != window) {
                counts.add(0);
                window = w;
            }
            counts.set(counts.size() - 1, counts.getLast() + 1);
        }
        int[] sorted = counts.stream().mapToInt(Integer::intValue).sorted().toArray();
        long empty = span - sorted.length;
        return (quantile(sorted, empty, (span - 1) / 2) + quantile(sorted, empty, span / 2)) / 2.0;
    }

    /** The k-th smallest of {@code empty} zeros followed by {@code sorted}. */
    private static int quantile(int[] sorted, long empty, long k) {
        return k < empty ? 0 : sorted[(int) (k - empty)];
    }

    private record Group(long inviteId, String dimension, String value) {}

    private static List<JoinBurst> bursts(Input in, long windowMillis, int threshold, boolean[] flagged) {
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < in.participants(); i++) {
            if (in.invites[i] != 0) {
                groups.computeIfAbsent(new Group(in.invites[i], null, null), g -> new ArrayList<>())
                        .add(i);
            }
            for (Map.Entry<String, String[]> c : in.cohorts.entrySet()) {
                String value = c.getValue()[i];
                if (value != null) {
                    groups.computeIfAbsent(new Group(0, c.getKey(), value), g -> new ArrayList<>())
                            .add(i);
                }
            }
        }
        List<JoinBurst> out = new ArrayList<>();
        groups.forEach((g, members) -> {
            int m = members.size();
            int i = 0;
            int j = 0;
            while (i < m) {
                j = Math.max(j, i);
                j = reach(in.joinedAt, members, i, j, windowMillis);
                if (j - i + 1 < threshold) {
                    i++;
                    continue;
                }
                int start = i;
                int end = j;
                // extend while windows starting later are still dense
                while (++i < m) {
                    j = reach(in.joinedAt, members, i, Math.max(j, i), windowMillis);
                    if (j - i + 1 < threshold) {
                        break;
                    }
                    end = j;
                }
                int flaggedMembers = 0;
                for (int k = start; k <= end; k++) {
                    if (flagged[members.get(k)]) {
                        flaggedMembers++;
                    }
                }
                out.add(new JoinBurst(
                        g.inviteId(),
                        g.dimension(),
                        g.value(),
                        Instant.ofEpochMilli(in.joinedAt[members.get(start)]),
                        Instant.ofEpochMilli(in.joinedAt[members.get(end)]),
                        end - start + 1,
                        flaggedMembers));
                i = end + 1;
            }
        });
        out.sort(Comparator.comparing(JoinBurst::from)
                .thenComparing(b -> b.byInvite() ? 0 : 1)
                .thenComparingLong(JoinBurst::inviteId)
                .thenComparing(b -> b.dimension() == null ? "" : b.dimension())
                .thenComparing(b -> b.value() == null ? "" : b.value()));
        return out;
    }

    /** The last member index, from {@code j} on, that joined less than one window after member {@code i}. */
    private static int reach(long[] joinedAt, List<Integer> members, int i, int j, long windowMillis) {
        long from = joinedAt[members.get(i)];
        while (j + 1 < members.size() && joinedAt[members.get(j + 1)] - from < windowMillis) {
            j++;
        }
        return j;
    }

    private static List<VoteCluster> clusters(Input in, SignalThresholds t, long[] comparisons) {
        int n = in.participants();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        long span = t.clusterJoinSpan().toMillis();
        long compared = 0;
        for (int i = 0; i < n; i++) {
            if (votesOf(in, i) < t.minComparableVotes()) {
                continue;
            }
            int neighbours = 0;
            for (int j = i + 1; j < n && neighbours < t.maxNeighbours(); j++) {
                if (in.joinedAt[j] - in.joinedAt[i] > span) {
                    break;
                }
                if (votesOf(in, j) < t.minComparableVotes()) {
                    continue;
                }
                neighbours++;
                compared++;
                if (nearIdentical(in, i, j, t.similarity())) {
                    union(parent, i, j);
                }
            }
        }
        comparisons[0] = compared;
        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (votesOf(in, i) >= t.minComparableVotes()) {
                components
                        .computeIfAbsent(find(parent, i), r -> new ArrayList<>())
                        .add(i);
            }
        }
        List<VoteCluster> out = new ArrayList<>();
        for (List<Integer> members : components.values()) {
            if (members.size() >= t.minClusterSize()) {
                out.add(cluster(in, members));
            }
        }
        out.sort(Comparator.comparingInt(VoteCluster::size)
                .reversed()
                .thenComparingLong(c -> c.participants().getFirst()));
        return out;
    }

    private static VoteCluster cluster(Input in, List<Integer> members) {
        long votes = 0;
        long agree = 0;
        long disagree = 0;
        Map<Long, Integer> byInvite = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long[] ids = new long[members.size()];
        for (int k = 0; k < members.size(); k++) {
            int i = members.get(k);
            ids[k] = in.ids[i];
            first = Math.min(first, in.joinedAt[i]);
            last = Math.max(last, in.joinedAt[i]);
            byInvite.merge(in.invites[i], 1, Integer::sum);
            for (int c = in.rowStart[i]; c < in.rowStart[i + 1]; c++) {
                votes++;
                int code = in.cells[c] & 3;
                agree += code == AGREE ? 1 : 0;
                disagree += code == DISAGREE ? 1 : 0;
            }
        }
        Arrays.sort(ids);
        Map.Entry<Long, Integer> main = byInvite.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(e -> -e.getKey()))
                .orElseThrow();
        return new VoteCluster(
                Arrays.stream(ids).boxed().toList(),
                Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(last),
                (double) votes / members.size(),
                votes == 0 ? 0 : (double) agree / votes,
                votes == 0 ? 0 : (double) disagree / votes,
                main.getKey(),
                main.getValue());
    }

    private static int votesOf(Input in, int i) {
        return in.rowStart[i + 1] - in.rowStart[i];
    }

    /** Identical votes ≥ {@code similarity} × statements either voted on (a merge of two sorted rows). */
    static boolean nearIdentical(Input in, int a, int b, double similarity) {
        int na = votesOf(in, a);
        int nb = votesOf(in, b);
        if (Math.min(na, nb) < similarity * Math.max(na, nb)) {
            return false; // even all shared votes alike could not reach it
        }
        int i = in.rowStart[a];
        int ie = in.rowStart[a + 1];
        int j = in.rowStart[b];
        int je = in.rowStart[b + 1];
        int common = 0;
        int alike = 0;
        while (i < ie && j < je) {
            int sa = in.cells[i] >>> 2;
            int sb = in.cells[j] >>> 2;
            if (sa < sb) {
                i++;
            } else if (sa > sb) {
                j++;
            } else {
                common++;
                if (in.cells[i] == in.cells[j]) {
                    alike++;
                }
                i++;
                j++;
            }
        }
        return alike >= similarity * (na + nb - common);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Unites two sets under the smaller root, so roots (and the output) do not depend on call order. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static List<OneValueVoter> oneValueVoters(Input in, SignalThresholds t) {
        List<OneValueVoter> out = new ArrayList<>();
        for (int i = 0; i < in.participants(); i++) {
            int votes = votesOf(in, i);
            if (votes < t.oneValueMinVotes()) {
                continue;
            }
            int code = in.cells[in.rowStart[i]] & 3;
            if (code == PASS) {
                continue;
            }
            boolean same = true;
            for (int c = in.rowStart[i] + 1; c < in.rowStart[i + 1] && same; c++) {
                same = (in.cells[c] & 3) == code;
            }
            if (same) {
                out.add(new OneValueVoter(in.ids[i], code == AGREE ? 1 : -1, votes));
            }
        }
        out.sort(Comparator.comparingLong(OneValueVoter::participantId));
        return out;
    }

    private static void markFlagged(
            Input in, List<VoteCluster> clusters, List<OneValueVoter> oneValue, boolean[] flagged) {
        long[] ids = flaggedIds(clusters, oneValue);
        Arrays.sort(ids);
        for (int i = 0; i < in.participants(); i++) {
            flagged[i] = Arrays.binarySearch(ids, in.ids[i]) >= 0;
        }
    }

    private static long[] flaggedIds(List<VoteCluster> clusters, List<OneValueVoter> oneValue) {
        return java.util.stream.LongStream.concat(
                        clusters.stream()
                                .flatMap(c -> c.participants().stream())
                                .mapToLong(Long::longValue),
                        oneValue.stream().mapToLong(OneValueVoter::participantId))
                .distinct()
                .toArray();
    }

    private static List<LeanedStatement> leaned(Input in, SignalThresholds t, boolean[] flagged) {
        int s = in.statementIds.length;
        int[] agrees = new int[s];
        int[] flaggedAgrees = new int[s];
        for (int i = 0; i < in.participants(); i++) {
            for (int c = in.rowStart[i]; c < in.rowStart[i + 1]; c++) {
                if ((in.cells[c] & 3) == AGREE) {
                    agrees[in.cells[c] >>> 2]++;
                    if (flagged[i]) {
                        flaggedAgrees[in.cells[c] >>> 2]++;
                    }
                }
            }
        }
        List<LeanedStatement> out = new ArrayList<>();
        for (int k = 0; k < s; k++) {
            if (agrees[k] >= t.leanMinAgrees() && flaggedAgrees[k] >= t.leanShare() * agrees[k]) {
                out.add(new LeanedStatement(in.statementIds[k], agrees[k], flaggedAgrees[k]));
            }
        }
        out.sort(Comparator.comparingDouble(LeanedStatement::flaggedShare)
                .reversed()
                .thenComparingLong(LeanedStatement::statementId));
        return out;
    }
}
