package org.commonground.polis;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * votes.csv read on every core: the bytes after the header are cut into ranges at line ends, each
 * range is parsed into primitive columns on its own, and the columns are joined in file order. Only
 * plain records are read this way: unquoted cells, the four read columns whole numbers as {@link
 * CsvFile} reads them from the bytes (an optional minus and at most 9 digits, 18 for the timestamp;
 * votes 1, 0 or -1), every comment-id known, and as many cells as the header. Anything else, a
 * double quote anywhere in the file included (a quoted cell may hold a line end, so a range could
 * start inside it), makes the whole parse give up and {@link CsvFile} read the file record by
 * record, with its checks and its {@code file:line} messages. So the events, and their order, are
 * the same either way.
 */
final class PlainVoteRecords {
    /** Bytes a range holds at least, so a small file is one range. */
    private static final int MIN_RANGE = 1 << 20;
    /** Ranges at most, whatever the number of cores: the same cuts on any machine. */
    private static final int MAX_RANGES = 32;

    private final byte[] bytes;
    private final int cells;
    private final int timestampAt;
    private final int commentAt;
    private final int voterAt;
    private final int voteAt;
    private final int[] known;

    /** One range's events, or not plain. */
    private static final class Range {
        long[] timestamp;
        int[] comment;
        int[] voter;
        byte[] value;
        int size;

        Range(int capacity) {
            timestamp = new long[capacity];
            comment = new int[capacity];
            voter = new int[capacity];
            value = new byte[capacity];
        }

        void add(long at, int commentId, int voterId, int vote) {
            if (size == timestamp.length) {
                int capacity = Math.max(16, size * 2);
                timestamp = Arrays.copyOf(timestamp, capacity);
                comment = Arrays.copyOf(comment, capacity);
                voter = Arrays.copyOf(voter, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            timestamp[size] = at;
            comment[size] = commentId;
            voter[size] = voterId;
            value[size] = (byte) vote;
            size++;
        }
    }

    private PlainVoteRecords(
            byte[] bytes, int cells, int timestampAt, int commentAt, int voterAt, int voteAt, int[] known) {
        this.bytes = bytes;
        this.cells = cells;
        this.timestampAt = timestampAt;
        this.commentAt = commentAt;
        this.voterAt = voterAt;
        this.voteAt = voteAt;
        this.known = known;
    }

    /**
     * The vote events of bytes[start …), or null when a record is not plain.
     *
     * @param cells  cells per record (the header's)
     * @param known  the comment-ids of comments.csv, ascending
     */
    static VoteColumns parse(
            byte[] bytes, int start, int cells, int timestampAt, int commentAt, int voterAt, int voteAt, int[] known) {
        PlainVoteRecords parser = new PlainVoteRecords(bytes, cells, timestampAt, commentAt, voterAt, voteAt, known);
        int length = bytes.length - start;
        int ranges = Math.max(1, Math.min(MAX_RANGES, length / MIN_RANGE));
        int[] cut = new int[ranges + 1];
        cut[0] = start;
        cut[ranges] = bytes.length;
        for (int r = 1; r < ranges; r++) {
            int at = Math.max(cut[r - 1], (int) (start + (long) length * r / ranges));
            while (at < bytes.length && bytes[at - 1] != '\n' && bytes[at - 1] != '\r') {
                at++;
            }
            cut[r] = at;
        }
        Range[] parsed = new Range[ranges];
        IntStream.range(0, ranges).parallel().forEach(r -> parsed[r] = parser.range(cut[r], cut[r + 1]));
        int total = 0;
        for (Range range : parsed) {
            if (range == null) {
                return null;
            }
            total += range.size;
        }
        long[] timestamp = new long[total];
        int[] comment = new int[total];
        int[] voter = new int[total];
        byte[] value = new byte[total];
        int at = 0;
        for (Range range : parsed) {
            System.arraycopy(range.timestamp, 0, timestamp, at, range.size);
            System.arraycopy(range.comment, 0, comment, at, range.size);
            System.arraycopy(range.voter, 0, voter, at, range.size);
            System.arraycopy(range.value, 0, value, at, range.size);
            at += range.size;
        }
        return new VoteColumns(timestamp, comment, voter, value, total);
    }

    private static final long NOT_PLAIN = Long.MIN_VALUE;

    /** The records of bytes[from, to), which starts a line and ends one (or the file); null when one is not plain. */
    private Range range(int from, int to) {
        Range out = new Range(Math.max(16, (to - from) / 24));
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                i++;
                continue;
            }
            long timestamp = 0;
            long comment = 0;
            long voter = 0;
            long vote = 0;
            int cell = 0;
            while (true) {
                int end = i;
                while (end < to) {
                    byte c = bytes[end];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == '"') {
                        return null;
                    }
                    end++;
                }
                if (cell == timestampAt) {
                    timestamp = number(i, end, 18);
                    if (timestamp == NOT_PLAIN) {
                        return null;
                    }
                } else if (cell == commentAt) {
                    comment = number(i, end, 9);
                    if (comment == NOT_PLAIN || Arrays.binarySearch(known, (int) comment) < 0) {
                        return null;
                    }
                } else if (cell == voterAt) {
                    voter = number(i, end, 9);
                    if (voter == NOT_PLAIN) {
                        return null;
                    }
                } else if (cell == voteAt) {
                    vote = vote(i, end);
                    if (vote == NOT_PLAIN) {
                        return null;
                    }
                }
                cell++;
                i = end;
                if (i < to && bytes[i] == ',') {
                    i++;
                    continue;
                }
                break;
            }
            if (cell != cells) {
                return null;
            }
            out.add(timestamp, (int) comment, (int) voter, (int) vote);
        }
        return out;
    }

    /** An optional minus and 1 to maxDigits ASCII digits, as {@link CsvFile} reads a plain number; else {@link #NOT_PLAIN}. */
    private long number(int from, int to, int maxDigits) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to || to - i > maxDigits) {
            return NOT_PLAIN;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_PLAIN;
            }
            value = 10 * value + digit;
        }
        return negative ? -value : value;
    }

    private long vote(int from, int to) {
        if (to - from == 1 && (bytes[from] == '1' || bytes[from] == '0')) {
            return bytes[from] - '0';
        }
        if (to - from == 2 && bytes[from] == '-' && bytes[from + 1] == '1') {
            return -1;
        }
        return NOT_PLAIN;
    }
}
