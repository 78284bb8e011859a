package org.commonground.polis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a Pol.is export, read record by record with the line each record starts on, so
 * every complaint can say {@code file:line}. Columns are looked up by header name. Text must be
 * valid UTF-8; a byte-order mark is tolerated.
 */
final class CsvFile implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private List<String> header = List.of();
    private final Map<String, Integer> columns = new HashMap<>();
    private long endOfPrevious;
    private long line;
    private CSVRecord current;

    private CsvFile(Path file, CSVParser parser, boolean hasHeader) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        if (!hasHeader) {
            return;
        }
        if (!next()) {
            throw error(1, "the file is empty; expected a header line");
        }
        List<String> names = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            String name = current.get(i).strip();
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
        return new CsvFile(file, open(file), true);
    }

    /** Opens a headerless file (summary.csv's key,value rows). */
    static CsvFile withoutHeader(Path file) {
        return new CsvFile(file, open(file), false);
    }

    private static CSVParser open(Path file) {
        try {
            return CSVParser.builder().setReader(new StringReader(decode(file))).setFormat(FORMAT).get();
        } catch (NoSuchFileException e) {
            throw new PolisFormatException(file, 0, "file is missing");
        } catch (IOException e) {
            throw new PolisFormatException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The whole file as text, decoded strictly: a file in another encoding is refused at the line of
     * the first bad byte rather than silently garbled. Export files are a few megabytes at most.
     */
    private static String decode(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        CharBuffer text = CharBuffer.allocate(bytes.remaining());
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes, text, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < bytes.position(); i++) {
                line += bytes.get(i) == '\n' ? 1 : 0;
            }
            throw new PolisFormatException(file, line, "not valid UTF-8");
        }
        return text.flip().toString();
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

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException e) {
            throw error(endOfPrevious + 1, "unreadable CSV: " + e.getCause().getMessage());
        }
        line = endOfPrevious + 1;
        endOfPrevious = parser.getCurrentLineNumber();
        if (!header.isEmpty() && current.size() != header.size()) {
            throw error("expected " + header.size() + " cells as in the header, found " + current.size());
        }
        return true;
    }

    /** The line the current record starts on. */
    long line() {
        return line;
    }

    int size() {
        return current.size();
    }

    String cell(int index) {
        return current.get(index);
    }

    /** The cell of the current record in the named column; "" when the file has no such column. */
    String text(String column) {
        Integer i = columns.get(column);
        return i == null ? "" : current.get(i);
    }

    int integer(String column) {
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
        String value = text(column);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw error(column + " is not a whole number: '" + value + "'");
        }
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

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
