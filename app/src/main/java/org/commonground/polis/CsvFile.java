package org.commonground.polis;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.commonground.web.SpreadsheetSafeCsv;

/**
 * One CSV file of a Pol.is export, read record by record with the line each record starts on, so
 * every complaint can say {@code file:line}. Columns are looked up by header name. Text must be
 * valid UTF-8; a byte-order mark is tolerated.
 *
 * <p>RFC 4180 as Pol.is and our own writer produce it (commas, double quotes with "" inside, CR,
 * LF or CRLF line ends, empty lines skipped), parsed straight from the file's bytes: a record is a
 * list of byte ranges, and a cell becomes a {@code String} only when asked for; whole numbers and
 * votes are read from the bytes. A votes.csv of two million rows is therefore read without creating
 * a string per cell.
 */
final class CsvFile implements AutoCloseable {
    /** Eight bytes at a time for the ASCII check. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    private final byte[] bytes;
    private int position;
    /** The line {@link #position} is on. */
    private long lineAtPosition = 1;

    private List<String> header = List.of();
    private final Map<String, Integer> columns = new HashMap<>();
    private long line;
    /** The current record: cell i is bytes[from[i], to[i]); quoted cells may hold doubled quotes. */
    private int cells = -1;

    private int[] from = new int[16];
    private int[] to = new int[16];
    private boolean[] quoted = new boolean[16];

    private CsvFile(Path file, byte[] bytes, boolean hasHeader) {
        this.file = file;
        this.bytes = bytes;
        if (!hasHeader) {
            return;
        }
        if (!next()) {
            throw error(1, "the file is empty; expected a header line");
        }
        List<String> names = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) {
            String name = cell(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw error("column '" + name + "' appears twice in the header");
            }
            names.add(name);
        }
        this.header = List.copyOf(names);
    }

    /** Opens a file whose first line names the columns. */
    static CsvFile withHeader(Path file) {
        return new CsvFile(file, read(file), true);
    }

    /** Opens a headerless file (summary.csv's key,value rows). */
    static CsvFile withoutHeader(Path file) {
        return new CsvFile(file, read(file), false);
    }

    private static byte[] read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            checkUtf8(file, bytes);
            return bytes;
        } catch (NoSuchFileException e) {
            throw new PolisFormatException(file, 0, "file is missing");
        } catch (IOException e) {
            throw new PolisFormatException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Refuses a file in another encoding at the line of the first bad byte rather than garbling it.
     * Export files are a few megabytes to a hundred; most are plain ASCII, which needs one pass.
     */
    private static void checkUtf8(Path file, byte[] bytes) {
        long high = 0;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < bytes.length; i++) {
            high |= bytes[i];
        }
        if ((high & 0x8080_8080_8080_8080L) == 0) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(bytes.length, 1 << 16));
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                long line = 1;
                for (int k = 0; k < in.position(); k++) {
                    line += bytes[k] == '\n' ? 1 : 0;
                }
                throw new PolisFormatException(file, line, "not valid UTF-8");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /** Refuses the file unless it has every required column and no column outside {@code known}. */
    CsvFile expectColumns(Collection<String> required, Set<String> known) {
        for (String name : header) {
            if (!known.contains(name)) {
                throw error(1, "unknown column '" + name + "'");
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw error(1, "missing column '" + name + "'");
            }
        }
        return this;
    }

    List<String> header() {
        return header;
    }

    /** The file's bytes, for a reader of its own (read-only). */
    byte[] bytes() {
        return bytes;
    }

    /** Where the next record starts in {@link #bytes()} (after the header once opened). */
    int position() {
        return position;
    }

    /** The index of the named column, or -1. */
    int column(String name) {
        Integer i = columns.get(name);
        return i == null ? -1 : i;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() {
        int n = bytes.length;
        while (position < n && (bytes[position] == '\n' || bytes[position] == '\r')) {
            endOfLine();
        }
        if (position >= n) {
            cells = -1;
            return false;
        }
        line = lineAtPosition;
        cells = 0;
        while (true) {
            if (cells == from.length) {
                from = Arrays.copyOf(from, 2 * cells);
                to = Arrays.copyOf(to, 2 * cells);
                quoted = Arrays.copyOf(quoted, 2 * cells);
            }
            int at = cells++;
            if (position < n && bytes[position] == '"') {
                quotedCell(at);
            } else {
                int i = position;
                while (i < n && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
                    i++;
                }
                from[at] = position;
                to[at] = i;
                quoted[at] = false;
                position = i;
            }
            if (position >= n) {
                break;
            }
            if (bytes[position] == ',') {
                position++;
                continue;
            }
            endOfLine();
            break;
        }
        if (!header.isEmpty() && cells != header.size()) {
            throw error("expected " + header.size() + " cells as in the header, found " + cells);
        }
        return true;
    }

    /** A cell in double quotes, which may hold commas, line breaks and doubled quotes; then at most spaces before the delimiter. */
    private void quotedCell(int at) {
        int n = bytes.length;
        int i = position + 1;
        from[at] = i;
        quoted[at] = true;
        while (true) {
            if (i >= n) {
                throw error("unreadable CSV: a quoted cell is not closed before the end of the file");
            }
            byte b = bytes[i];
            if (b == '"') {
                if (i + 1 < n && bytes[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                break;
            }
            if (b == '\n' || (b == '\r' && (i + 1 >= n || bytes[i + 1] != '\n'))) {
                lineAtPosition++;
            }
            i++;
        }
        to[at] = i;
        i++;
        while (i < n && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        if (i < n && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
            throw error(lineAtPosition, "unreadable CSV: text after the closing quote of a cell");
        }
        position = i;
    }

    /** Consumes one line end at {@link #position}: LF, CR or CRLF. */
    private void endOfLine() {
        if (bytes[position] == '\r' && position + 1 < bytes.length && bytes[position + 1] == '\n') {
            position++;
        }
        position++;
        lineAtPosition++;
    }

    /** The line the current record starts on. */
    long line() {
        return line;
    }

    int size() {
        return cells;
    }

    /** The cell as text, with our writer's formula neutralisation undone (see {@link SpreadsheetSafeCsv}). */
    String cell(int index) {
        return SpreadsheetSafeCsv.restored(rawCell(index));
    }

    private String rawCell(int index) {
        Objects.checkIndex(index, cells);
        int start = from[index];
        int end = to[index];
        if (!quoted[index]) {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] unquoted = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            unquoted[length++] = bytes[i];
            if (bytes[i] == '"') {
                i++;
            }
        }
        return new String(unquoted, 0, length, StandardCharsets.UTF_8);
    }

    /** The cell of the current record in the named column; "" when the file has no such column. */
    String text(String column) {
        Integer i = columns.get(column);
        return i == null ? "" : cell(i);
    }

    int integer(String column) {
        Integer i = columns.get(column);
        if (i != null) {
            long value = plainNumber(i, 9);
            if (value != NOT_PLAIN) {
                return (int) value;
            }
        }
        return integer(column, text(column));
    }

    int integer(String column, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw error(column + " is not a whole number: '" + value + "'");
        }
    }

    long number(String column) {
        Integer i = columns.get(column);
        if (i != null) {
            long value = plainNumber(i, 18);
            if (value != NOT_PLAIN) {
                return value;
            }
        }
        String value = text(column);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw error(column + " is not a whole number: '" + value + "'");
        }
    }

    private static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * An unquoted cell of an optional minus and 1 to {@code maxDigits} ASCII digits, read from the
     * bytes (the value {@code parseInt} or {@code parseLong} would give); {@link #NOT_PLAIN} for
     * anything else, which the caller reads as text with the usual checks and messages.
     */
    private long plainNumber(int cell, int maxDigits) {
        int i = from[cell];
        int end = to[cell];
        if (quoted[cell] || i == end) {
            return NOT_PLAIN;
        }
        boolean negative = bytes[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > maxDigits) {
            return NOT_PLAIN;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_PLAIN;
            }
            value = 10 * value + digit;
        }
        return negative ? -value : value;
    }

    /** The named column's cell as a Pol.is vote: 1 agree, -1 disagree, 0 pass. */
    int vote(String column) {
        Integer i = columns.get(column);
        if (i != null && !quoted[i]) {
            int start = from[i];
            int length = to[i] - start;
            if (length == 1 && (bytes[start] == '1' || bytes[start] == '0')) {
                return bytes[start] - '0';
            }
            if (length == 2 && bytes[start] == '-' && bytes[start + 1] == '1') {
                return -1;
            }
        }
        return vote(column, text(column));
    }

    /** A Pol.is vote cell: 1 agree, -1 disagree, 0 pass. */
    int vote(String column, String value) {
        return switch (value.strip()) {
            case "1" -> 1;
            case "-1" -> -1;
            case "0" -> 0;
            default -> throw error(column + " must be 1 (agree), -1 (disagree) or 0 (pass), not '" + value + "'");
        };
    }

    PolisFormatException error(String reason) {
        return error(line, reason);
    }

    PolisFormatException error(long atLine, String reason) {
        return new PolisFormatException(file, atLine, reason);
    }

    Path file() {
        return file;
    }

    /** Nothing to release: the file was read whole when it was opened. Kept so callers read it in try-with-resources. */
    @Override
    public void close() {}
}
