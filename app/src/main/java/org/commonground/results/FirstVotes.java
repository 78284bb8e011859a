package org.commonground.results;

/**
 * When each participant first voted, as of a result: {@code participants[i]} (database ids) first
 * voted at {@code atMillis[i]} (epoch milliseconds). In no particular order.
 */
public record FirstVotes(long[] participants, long[] atMillis) {
    static final FirstVotes NONE = new FirstVotes(new long[0], new long[0]);

    /** Participants who have voted. */
    public int size() {
        return participants.length;
    }
}
