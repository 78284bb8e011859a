package org.commonground.polis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.commonground.polis.PolisExport.VoteEvent;

/**
 * The vote events of an export as four primitive columns (21 bytes a vote) instead of a list of
 * objects (about 40): a Pol.is votes.csv of two million rows is read without two million objects for
 * the collector to copy. Read-only once the reader has filled it; {@link #get} makes the record.
 */
final class VoteColumns extends AbstractList<VoteEvent> implements RandomAccess {
    private long[] timestamp = new long[1024];
    private int[] commentId = new int[1024];
    private int[] voterId = new int[1024];
    private byte[] value = new byte[1024];
    private int size;

    VoteColumns() {}

    /** Columns already filled (by {@link PlainVoteRecords}), each holding size events. */
    VoteColumns(long[] timestamp, int[] commentId, int[] voterId, byte[] value, int size) {
        this.timestamp = timestamp;
        this.commentId = commentId;
        this.voterId = voterId;
        this.value = value;
        this.size = size;
    }

    /** Appends a vote event; only the reader calls this, before the list is handed out. */
    void append(long at, int comment, int voter, int vote) {
        if (vote < -1 || vote > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or 1, not " + vote);
        }
        if (size == timestamp.length) {
            int capacity = size * 2;
            timestamp = Arrays.copyOf(timestamp, capacity);
            commentId = Arrays.copyOf(commentId, capacity);
            voterId = Arrays.copyOf(voterId, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        timestamp[size] = at;
        commentId[size] = comment;
        voterId[size] = voter;
        value[size] = (byte) vote;
        size++;
    }

    @Override
    public VoteEvent get(int index) {
        java.util.Objects.checkIndex(index, size);
        return new VoteEvent(timestamp[index], commentId[index], voterId[index], value[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
