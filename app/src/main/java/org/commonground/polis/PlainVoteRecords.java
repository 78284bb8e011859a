package org.commonground.polis;

import java.util.Arrays;

/**
 * votes.csv read on every core: the bytes after the header are cut into ranges at line ends; each
 * range counts its records, then parses them into primitive columns at the offset the counts of the
 * ranges before it give, so the events are in file order, no per-row object is made, and nothing is
 * copied. Only
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

    // The columns every range writes its events into, at its own offset.
    private long[] timestamp;
    private int[] comment;
    private int[] voter;
    private byte[] value;

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
        // Plain threads rather than a parallel stream: the stream machinery's first use costs more
        // class loading and compiling than one read of a large file saves.
        int threads = Math.min(ranges, Runtime.getRuntime().availableProcessors());
        int[] offset = new int[ranges + 1];
        boolean[] plain = new boolean[ranges];
        if (!onThreads(ranges, threads, r -> offset[r + 1] = parser.count(cut[r], cut[r + 1]))) {
            return null;
        }
        for (int r = 0; r < ranges; r++) {
            offset[r + 1] += offset[r];
        }
        int total = offset[ranges];
        parser.timestamp = new long[total];
        parser.comment = new int[total];
        parser.voter = new int[total];
        parser.value = new byte[total];
        if (!onThreads(ranges, threads, r -> plain[r] = parser.range(cut[r], cut[r + 1], offset[r], offset[r + 1]))) {
            return null;
        }
        for (boolean p : plain) {
            if (!p) {
                return null;
            }
        }
        return new VoteColumns(parser.timestamp, parser.comment, parser.voter, parser.value, total);
    }

    /**
     * Runs task(r) for every range r below ranges, range r on thread r mod threads (the caller's thread
     * is thread 0); false if interrupted.
     */
    private static boolean onThreads(int ranges, int threads, java.util.function.IntConsumer task) {
        Thread[] workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int first = t;
            workers[t - 1] = Thread.ofPlatform().start(() -> {
                for (int r = first; r < ranges; r += threads) {
                    task.accept(r);
                }
            });
        }
        for (int r = 0; r < ranges; r += threads) {
            task.accept(r);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static final long NOT_PLAIN = Long.MIN_VALUE;

    /** Records in bytes[from, to): line starts that are not line ends, as the parse finds them. */
    private int count(int from, int to) {
        int records = 0;
        boolean lineEnd = true;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            boolean end = b == '\n' || b == '\r';
            records += lineEnd && !end ? 1 : 0;
            lineEnd = end;
        }
        return records;
    }

    /**
     * The records of bytes[from, to), which starts a line and ends one (or the file), into the
     * columns at [first, last); false when one is not plain.
     */
    private boolean range(int from, int to, int first, int last) {
        int out = first;
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                i++;
                continue;
            }
            if (out == last) {
                return false;
            }
            i = record(i, to, out++);
            if (i < 0) {
                return false;
            }
        }
        return out == last;
    }

    /**
     * The record starting at bytes[i] into the columns at out; where it ends (its line end, or to),
     * or −1 when it is not plain. A method of its own, called once a record, so the JIT compiles it
     * after a few hundred records rather than waiting to replace a long-running loop.
     */
    private int record(int i, int to, int out) {
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
                    return -1;
                }
                end++;
            }
            if (cell == timestampAt) {
                timestamp = number(i, end, 18);
                if (timestamp == NOT_PLAIN) {
                    return -1;
                }
            } else if (cell == commentAt) {
                comment = number(i, end, 9);
                if (comment == NOT_PLAIN || Arrays.binarySearch(known, (int) comment) < 0) {
                    return -1;
                }
            } else if (cell == voterAt) {
                voter = number(i, end, 9);
                if (voter == NOT_PLAIN) {
                    return -1;
                }
            } else if (cell == voteAt) {
                vote = vote(i, end);
                if (vote == NOT_PLAIN) {
                    return -1;
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
            return -1;
        }
        this.timestamp[out] = timestamp;
        this.comment[out] = (int) comment;
        this.voter[out] = (int) voter;
        this.value[out] = (byte) vote;
        return i;
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
