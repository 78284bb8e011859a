package org.commonground.polis;

import java.nio.file.Path;

/**
 * A Pol.is export folder that cannot be read as one: a missing file or column, a bad number, a
 * vote for a statement that does not exist. The message is {@code file:line: reason} so a person
 * can open the file at the right place.
 *
 * <p>Not a {@code CommonGroundException}: this describes a file on disk for the command line and
 * for tools such as {@code analyze}, not an HTTP request; an upload endpoint would wrap it in
 * {@code Invalid.malformed}.
 */
public final class PolisFormatException extends RuntimeException {
    private final Path file;
    private final long line;
    private final String reason;

    PolisFormatException(Path file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line where the faulty record starts, or 0 when the fault is the whole file. */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
