package org.commonground.results;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.commonground.analysis.ModeratedVotes;
import org.commonground.analysis.VoteMatrix;

/**
 * A conversation's vote history held in memory: one entry per vote cast, in primitive arrays
 * (25 bytes a vote). Append-only, so a snapshot is just a length: entries below it never change,
 * and a reader holding the arrays of a snapshot sees them complete even while appends continue
 * into new, larger arrays. Appends must be serialized by the caller.
 */
final class VoteLog {
    private long[] participants = new long[256];
    private long[] statements = new long[256];
    private long[] castAtMillis = new long[256];
    private byte[] values = new byte[256];
    private int size;
    /**
     * Recent entries of a loaded history whose report may still arrive after the load was merged
     * (committed before the load read the database, reported just after); each is skipped once.
     */
    private Set<Key> loadedUnreported = Set.of();

    private long loadedUnreportedUntilNanos;

    /** How far back from a history's latest vote a late report can reach, and how long one is awaited. */
    static final long LATE_REPORT_MILLIS = 60_000;

    /** An immutable view of the first {@code size} entries. */
    record Entries(long[] participants, long[] statements, long[] castAtMillis, byte[] values, int size) {
        /** Builds the current-vote matrix: latest vote wins, only statements in {@code inMath} count. */
        VoteMatrix matrix(long[] inMathSorted) {
            return matrix(inMathSorted, new long[0]);
        }

        /** As {@link #matrix(long[])} without the votes of {@code excludedSorted} (left out by moderators). */
        VoteMatrix matrix(long[] inMathSorted, long[] excludedSorted) {
            VoteMatrix.Builder b = VoteMatrix.builder();
            for (long s : inMathSorted) {
                b.statement(s);
            }
            boolean any = excludedSorted.length > 0;
            for (int i = 0; i < size; i++) {
                if (Arrays.binarySearch(inMathSorted, statements[i]) >= 0
                        && !(any && Arrays.binarySearch(excludedSorted, participants[i]) >= 0)) {
                    b.vote(participants[i], statements[i], values[i], castAtMillis[i]);
                }
            }
            return b.build();
        }

        /**
         * Each participant's first vote of the log (any statement, changes included), in no order:
         * one pass over the entries with an open-addressing table, so the report need not
         * aggregate all vote events of the conversation on every view.
         */
        FirstVotes firstVotes() {
            return firstVotes(new long[0]);
        }

        /** As {@link #firstVotes()} without the participants of {@code excludedSorted}. */
        FirstVotes firstVotes(long[] excludedSorted) {
            boolean any = excludedSorted.length > 0;
            int capacity = 2;
            while (capacity < 2 * size + 2) {
                capacity <<= 1;
            }
            int mask = capacity - 1;
            int[] slots = new int[capacity]; // 0: empty, else 1 + index into who/at
            long[] who = new long[size];
            long[] at = new long[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                long p = participants[i];
                if (any && Arrays.binarySearch(excludedSorted, p) >= 0) {
                    continue;
                }
                int h = (int) ((p * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (slots[h] != 0 && who[slots[h] - 1] != p) {
                    h = (h + 1) & mask;
                }
                if (slots[h] == 0) {
                    who[n] = p;
                    at[n] = castAtMillis[i];
                    slots[h] = ++n;
                } else if (castAtMillis[i] < at[slots[h] - 1]) {
                    at[slots[h] - 1] = castAtMillis[i];
                }
            }
            return new FirstVotes(Arrays.copyOf(who, n), Arrays.copyOf(at, n));
        }

        /** Who voted on statements outside {@code inMath}: what Pol.is's rules count of moderated-out statements. */
        ModeratedVotes outside(long[] inMathSorted) {
            ModeratedVotes.Builder b = ModeratedVotes.builder();
            for (int i = 0; i < size; i++) {
                if (Arrays.binarySearch(inMathSorted, statements[i]) < 0) {
                    b.vote(participants[i], statements[i]);
                }
            }
            return b.build();
        }
    }

    void add(long participant, long statement, int value, long millis) {
        if (size == values.length) {
            int capacity = size + (size >> 1) + 16;
            participants = Arrays.copyOf(participants, capacity);
            statements = Arrays.copyOf(statements, capacity);
            castAtMillis = Arrays.copyOf(castAtMillis, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        participants[size] = participant;
        statements[size] = statement;
        castAtMillis[size] = millis;
        values[size] = (byte) value;
        size++;
    }

    int size() {
        return size;
    }

    Entries snapshot() {
        return new Entries(participants, statements, castAtMillis, values, size);
    }

    /**
     * This log (the history loaded from the database) followed by the entries of {@code arrived}
     * (votes reported while loading) that the load did not already hold. A vote committed just
     * before the load's snapshot is both in the database and reported; it must count once.
     */
    VoteLog followedBy(VoteLog arrived) {
        Set<Key> pending = new HashSet<>();
        for (int i = 0; i < arrived.size; i++) {
            pending.add(arrived.key(i));
        }
        Set<Key> recent = new HashSet<>();
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            latest = Math.max(latest, castAtMillis[i]);
        }
        for (int i = 0; i < size; i++) {
            Key k = key(i);
            if (!pending.remove(k) && castAtMillis[i] >= latest - LATE_REPORT_MILLIS) {
                recent.add(k);
            }
        }
        loadedUnreported = recent;
        loadedUnreportedUntilNanos = System.nanoTime() + LATE_REPORT_MILLIS * 1_000_000;
        for (int i = 0; i < arrived.size; i++) {
            Key k = arrived.key(i);
            if (pending.remove(k)) {
                add(k.participant, k.statement, k.value, k.millis);
            }
        }
        return this;
    }

    /**
     * Appends a vote reported after it was committed, unless it is a loaded history's entry whose
     * report came late (then it is already here). Returns whether it was appended.
     */
    boolean addReported(long participant, long statement, int value, long millis) {
        if (!loadedUnreported.isEmpty()) {
            if (System.nanoTime() - loadedUnreportedUntilNanos > 0) {
                loadedUnreported = Set.of();
            } else if (loadedUnreported.remove(new Key(participant, statement, value, millis))) {
                return false;
            }
        }
        add(participant, statement, value, millis);
        return true;
    }

    private Key key(int i) {
        return new Key(participants[i], statements[i], values[i], castAtMillis[i]);
    }

    private record Key(long participant, long statement, int value, long millis) {}
}
