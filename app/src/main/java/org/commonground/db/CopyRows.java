package org.commonground.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's COPY … FROM STDIN in CSV form: the fastest way to load tens of thousands of
 * rows, on the handle's own connection and so inside its transaction. Null is an unquoted empty
 * cell, every other value is quoted, so empty strings, commas, quotes and newlines survive. Plumbing
 * for bulk writes: the store that owns {@code table} names it.
 */
public final class CopyRows {
    private final String table;
    private final StringBuilder csv = new StringBuilder(1 << 16);
    private int rows;

    private CopyRows(String table) {
        this.table = table;
    }

    /** Rows for {@code table (columns…)}, e.g. {@code "vote_event (participant_id, value)"}. */
    public static CopyRows into(String table) {
        return new CopyRows(table);
    }

    public CopyRows row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells[i];
            if (cell == null) {
                continue;
            }
            if (cell instanceof Number || cell instanceof Boolean) {
                csv.append(cell);
            } else {
                csv.append('"').append(cell.toString().replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /** Sends the rows collected so far and starts afresh; returns how many were sent. */
    public long copy(Handle handle) {
        if (rows == 0) {
            return 0;
        }
        try {
            long copied = handle.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            csv.setLength(0);
            rows = 0;
            return copied;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
