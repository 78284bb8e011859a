package org.commonground.analysis;

import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The current votes of a conversation: participants × statements, sparse, one vote per cell.
 *
 * <p>Ids are the caller's (Pol.is comment and voter ids, database keys); internally participants
 * and statements get dense indices in ascending id order, so the analysis never depends on the order
 * in which votes were added. Each vote is held in 8 bytes: one {@code int} packing the statement
 * index with the vote value (rows are sorted by statement, compressed-sparse-row style) and one
 * {@code int} of seconds since the conversation's first vote, which is all the convergence windows
 * need. Build with {@link #builder()}; instances are immutable and safe to share between threads.
 */
public final class VoteMatrix {
    static final int PASS = 0;
    static final int AGREE = 1;
    static final int DISAGREE = 2;
    /** Vote value by code, in Pol.is units: agree +1, disagree −1, pass 0. */
    static final double[] VALUE = {0.0, 1.0, -1.0, 0.0};

    private final long[] participantIds;
    private final long[] statementIds;
    private final int[] rowStart;
    private final int[] cells;
    private final int[] seconds;
    private final long originMillis;
    private int lastSecond = -1;

    VoteMatrix(
            long[] participantIds, long[] statementIds, int[] rowStart, int[] cells, int[] seconds, long originMillis) {
        this.participantIds = participantIds;
        this.statementIds = statementIds;
        this.rowStart = rowStart;
        this.cells = cells;
        this.seconds = seconds;
        this.originMillis = originMillis;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Participants with at least one vote on a statement in the math. */
    public int participantCount() {
        return participantIds.length;
    }

    /** Statements in the math: declared or voted on, minus rejected ones. */
    public int statementCount() {
        return statementIds.length;
    }

    /** Current votes: one per participant and statement, the latest one cast. */
    public int voteCount() {
        return cells.length;
    }

    public long participantId(int index) {
        return participantIds[index];
    }

    public long statementId(int index) {
        return statementIds[index];
    }

    /** Dense index of a participant id, or −1 when the participant has no vote in the math. */
    public int participantIndex(long participantId) {
        int i = Arrays.binarySearch(participantIds, participantId);
        return i >= 0 ? i : -1;
    }

    /** Dense index of a statement id, or −1 when the statement is not in the math. */
    public int statementIndex(long statementId) {
        int i = Arrays.binarySearch(statementIds, statementId);
        return i >= 0 ? i : -1;
    }

    /** Number of current votes of the participant at this dense index. */
    public int votesOf(int participantIndex) {
        return rowStart[participantIndex + 1] - rowStart[participantIndex];
    }

    /** The current vote (+1 agree, −1 disagree, 0 pass), or empty if the participant did not vote on it. */
    public OptionalInt vote(long participantId, long statementId) {
        int p = participantIndex(participantId);
        int s = statementIndex(statementId);
        if (p < 0 || s < 0) {
            return OptionalInt.empty();
        }
        int from = rowStart[p];
        int to = rowStart[p + 1] - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int midStatement = statementOf(cells[mid]);
            if (midStatement < s) {
                from = mid + 1;
            } else if (midStatement > s) {
                to = mid - 1;
            } else {
                return OptionalInt.of(signOf(cells[mid]));
            }
        }
        return OptionalInt.empty();
    }

    /** When the earliest current vote was cast (epoch if there are no votes). */
    public Instant firstVote() {
        return Instant.ofEpochMilli(originMillis);
    }

    /** When the latest current vote was cast, to the second. */
    public Instant lastVote() {
        return Instant.ofEpochMilli(originMillis + 1000L * lastSecond());
    }

    /** Heap bytes held per vote by the vote arrays (excluding per-participant and per-statement arrays). */
    public static int bytesPerVote() {
        return Integer.BYTES * 2;
    }

    /** Heap bytes held by this matrix, vote arrays and id arrays together. */
    public long memoryBytes() {
        return 8L * (participantIds.length + statementIds.length)
                + 4L * (rowStart.length + cells.length + seconds.length);
    }

    /** Seconds from the first to the latest current vote; computed once (a benign race: every thread computes the same int). */
    int lastSecond() {
        int last = lastSecond;
        if (last < 0) {
            last = 0;
            for (int s : seconds) {
                last = Math.max(last, s);
            }
            lastSecond = last;
        }
        return last;
    }

    long originMillis() {
        return originMillis;
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] cells() {
        return cells;
    }

    int[] seconds() {
        return seconds;
    }

    long[] participantIds() {
        return participantIds;
    }

    long[] statementIds() {
        return statementIds;
    }

    /**
     * The votes cast no later than {@code second} (seconds since the first vote), with the same
     * participant and statement indices so that results of windows line up with the full matrix.
     */
    VoteMatrix until(int second) {
        int n = participantIds.length;
        int[] start = new int[n + 1];
        for (int p = 0; p < n; p++) {
            int kept = 0;
            for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                if (seconds[k] <= second) {
                    kept++;
                }
            }
            start[p + 1] = start[p] + kept;
        }
        int[] newCells = new int[start[n]];
        int[] newSeconds = new int[start[n]];
        int j = 0;
        for (int k = 0; k < cells.length; k++) {
            if (seconds[k] <= second) {
                newCells[j] = cells[k];
                newSeconds[j] = seconds[k];
                j++;
            }
        }
        return new VoteMatrix(participantIds, statementIds, start, newCells, newSeconds, originMillis);
    }

    // A cell packs a vote as statement index << 2 | vote code. These small static methods are the only
    // place that knows the layout; the JIT inlines them into the hot loops.

    /** The cell of a vote: statement index (dense, ≥ 0, < 2³⁰) and vote code ({@link #PASS}, {@link #AGREE}, {@link #DISAGREE}). */
    static int cell(int statement, int code) {
        return statement << 2 | code;
    }

    /** Dense statement index of a cell. */
    static int statementOf(int cell) {
        return cell >>> 2;
    }

    /** Vote code of a cell: {@link #PASS}, {@link #AGREE} or {@link #DISAGREE}. */
    static int codeOf(int cell) {
        return cell & 3;
    }

    /** Vote value of a cell in Pol.is units: agree +1, disagree −1, pass 0. */
    static double valueOf(int cell) {
        return VALUE[cell & 3];
    }

    /** Vote value of a cell as an integer (+1, −1, 0), for exact integer sums. */
    static int signOf(int cell) {
        int code = cell & 3;
        return code == AGREE ? 1 : code == DISAGREE ? -1 : 0;
    }

    /** Whether a cell is an agree or a disagree (a rating, as bridging counts them), not a pass. */
    static boolean isRating(int cell) {
        return (cell & 3) != PASS;
    }

    /**
     * Collects votes in any order. Repeated votes by a participant on a statement keep the one with
     * the latest timestamp (ties: the one added last), as Pol.is exports hold the full history.
     * Not thread-safe.
     */
    public static final class Builder {
        private final IdIndex participants = new IdIndex();
        private final IdIndex statements = new IdIndex();
        private final IdIndex rejected = new IdIndex();
        private final AddedVotes added = new AddedVotes();
        // Votes mostly arrive grouped by participant (exports, the database's history, generators):
        // the previous participant's index saves a hash lookup in a table of a million ids.
        private long lastParticipantId;
        private int lastParticipant = -1;

        private Builder() {}

        /** Adds a vote: value +1 agree, −1 disagree, 0 pass; epochMillis is when it was cast. */
        public Builder vote(long participantId, long statementId, int value, long epochMillis) {
            if (value < -1 || value > 1) {
                throw new IllegalArgumentException("vote value must be -1, 0 or 1, was " + value);
            }
            if (lastParticipant < 0 || participantId != lastParticipantId) {
                lastParticipant = participants.add(participantId);
                lastParticipantId = participantId;
            }
            added.add(lastParticipant, statements.add(statementId), (byte) value, epochMillis);
            return this;
        }

        /** Declares a statement in the math even if nobody has voted on it yet. */
        public Builder statement(long statementId) {
            statements.add(statementId);
            return this;
        }

        /** Leaves a statement out of the math (moderated out); its votes are ignored. */
        public Builder reject(long statementId) {
            rejected.add(statementId);
            return this;
        }

        public VoteMatrix build() {
            AddedVotes votes = added;
            int size = votes.size();
            long[] statementIds = keptStatementIds();
            int[] statementIndex = new int[statements.size()];
            for (int i = 0; i < statementIndex.length; i++) {
                statementIndex[i] = Arrays.binarySearch(statementIds, statements.id(i));
            }
            // Votes per participant (by order of first sight) on statements in the math.
            int[] keptOf = new int[participants.size()];
            for (int k = 0; k < size; k++) {
                if (statementIndex[votes.statement(k)] >= 0) {
                    keptOf[votes.voter(k)]++;
                }
            }
            long[] participantIds = votedParticipantIds(keptOf);
            int[] participantIndex = new int[keptOf.length];
            int n = participantIds.length;
            // Counting sort by participant keeps insertion order within a row: that order breaks timestamp ties.
            int[] start = new int[n + 1];
            for (int i = 0; i < keptOf.length; i++) {
                participantIndex[i] = keptOf[i] > 0 ? Arrays.binarySearch(participantIds, participants.id(i)) : -1;
                if (keptOf[i] > 0) {
                    start[participantIndex[i] + 1] = keptOf[i];
                }
            }
            for (int p = 0; p < n; p++) {
                start[p + 1] += start[p];
            }
            int[] order = new int[start[n]];
            int[] next = Arrays.copyOf(start, n);
            for (int k = 0; k < size; k++) {
                if (statementIndex[votes.statement(k)] >= 0) {
                    order[next[participantIndex[votes.voter(k)]]++] = k;
                }
            }
            int[] latestCount = new int[n];
            int chunks = Math.max(1, Math.min(64, n / 256));
            IntStream.range(0, chunks).parallel().forEach(c -> {
                long[] keys = new long[16];
                for (int p = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks); p < end; p++) {
                    keys = keepLatest(order, start[p], start[p + 1], statementIndex, keys, latestCount, p);
                }
            });
            int[] rowStart = new int[n + 1];
            for (int p = 0; p < n; p++) {
                rowStart[p + 1] = rowStart[p] + latestCount[p];
            }
            long earliest = IntStream.range(0, chunks)
                    .parallel()
                    .mapToLong(c -> {
                        long min = Long.MAX_VALUE;
                        for (int p = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks);
                                p < end;
                                p++) {
                            for (int j = 0; j < latestCount[p]; j++) {
                                min = Math.min(min, votes.at(order[start[p] + j]));
                            }
                        }
                        return min;
                    })
                    .min()
                    .orElse(Long.MAX_VALUE);
            long origin = earliest == Long.MAX_VALUE ? 0 : earliest;
            int[] cells = new int[rowStart[n]];
            int[] seconds = new int[rowStart[n]];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                for (int p = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks); p < end; p++) {
                    for (int j = 0; j < latestCount[p]; j++) {
                        int k = order[start[p] + j];
                        int value = votes.value(k);
                        int code = value == 1 ? AGREE : value == -1 ? DISAGREE : PASS;
                        cells[rowStart[p] + j] = cell(statementIndex[votes.statement(k)], code);
                        seconds[rowStart[p] + j] = (int) Math.min(Integer.MAX_VALUE, (votes.at(k) - origin) / 1000L);
                    }
                }
            });
            return new VoteMatrix(participantIds, statementIds, rowStart, cells, seconds, origin);
        }

        /**
         * Sorts one row by statement and keeps the latest vote of each statement at the front of the
         * row's slice of {@code order}.
         */
        private long[] keepLatest(
                int[] order, int from, int to, int[] statementIndex, long[] keys, int[] latestCount, int p) {
            int length = to - from;
            if (keys.length < length) {
                keys = new long[Math.max(length, keys.length * 2)];
            }
            for (int j = 0; j < length; j++) {
                keys[j] = (long) statementIndex[added.statement(order[from + j])] << 32 | j;
            }
            Arrays.sort(keys, 0, length);
            int[] rowOrder = new int[length];
            for (int j = 0; j < length; j++) {
                rowOrder[j] = order[from + (int) keys[j]];
            }
            int written = 0;
            int j = 0;
            while (j < length) {
                int s = (int) (keys[j] >>> 32);
                int best = rowOrder[j];
                j++;
                while (j < length && (int) (keys[j] >>> 32) == s) {
                    if (added.at(rowOrder[j]) >= added.at(best)) {
                        best = rowOrder[j];
                    }
                    j++;
                }
                order[from + written++] = best;
            }
            latestCount[p] = written;
            return keys;
        }

        private long[] keptStatementIds() {
            long[] ids = new long[statements.size()];
            int n = 0;
            for (int i = 0; i < statements.size(); i++) {
                if (!rejected.contains(statements.id(i))) {
                    ids[n++] = statements.id(i);
                }
            }
            ids = Arrays.copyOf(ids, n);
            Arrays.sort(ids);
            return ids;
        }

        private long[] votedParticipantIds(int[] keptOf) {
            long[] ids = new long[keptOf.length];
            int n = 0;
            for (int i = 0; i < keptOf.length; i++) {
                if (keptOf[i] > 0) {
                    ids[n++] = participants.id(i);
                }
            }
            ids = Arrays.copyOf(ids, n);
            Arrays.sort(ids);
            return ids;
        }
    }

    /**
     * The votes a builder was given, in order: the first block grows by doubling up to 1 Mi votes,
     * then whole blocks of 1 Mi are added, so growing never copies more than the first block (at
     * 100 M votes one doubling array would copy gigabytes) and the big blocks are allocated where
     * the collector does not copy them. 17 bytes per vote.
     */
    private static final class AddedVotes {
        private static final int BLOCK_BITS = 20;
        private static final int BLOCK = 1 << BLOCK_BITS;
        private static final int MASK = BLOCK - 1;
        private int[][] voter = {new int[1024]};
        private int[][] statement = {new int[1024]};
        private byte[][] value = {new byte[1024]};
        private long[][] at = {new long[1024]};
        private int size;

        void add(int voterIndex, int statementIndex, byte vote, long epochMillis) {
            int block = size >>> BLOCK_BITS;
            int i = size & MASK;
            if (block == 0 && i == voter[0].length) {
                int capacity = Math.min(BLOCK, 2 * i);
                voter[0] = Arrays.copyOf(voter[0], capacity);
                statement[0] = Arrays.copyOf(statement[0], capacity);
                value[0] = Arrays.copyOf(value[0], capacity);
                at[0] = Arrays.copyOf(at[0], capacity);
            } else if (block > 0 && i == 0) {
                if (block == voter.length) {
                    voter = Arrays.copyOf(voter, block * 2);
                    statement = Arrays.copyOf(statement, block * 2);
                    value = Arrays.copyOf(value, block * 2);
                    at = Arrays.copyOf(at, block * 2);
                }
                voter[block] = new int[BLOCK];
                statement[block] = new int[BLOCK];
                value[block] = new byte[BLOCK];
                at[block] = new long[BLOCK];
            }
            voter[block][i] = voterIndex;
            statement[block][i] = statementIndex;
            value[block][i] = vote;
            at[block][i] = epochMillis;
            size++;
        }

        int size() {
            return size;
        }

        int voter(int k) {
            return voter[k >>> BLOCK_BITS][k & MASK];
        }

        int statement(int k) {
            return statement[k >>> BLOCK_BITS][k & MASK];
        }

        byte value(int k) {
            return value[k >>> BLOCK_BITS][k & MASK];
        }

        long at(int k) {
            return at[k >>> BLOCK_BITS][k & MASK];
        }
    }
}
