package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.commonground.statement.StatementText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Statements stored before the duplicate key used confusable skeletons get the new key, else a
 * Cyrillic lookalike of an old statement would still pass; and stored statement and translation
 * texts lose their bidi controls, which pages would otherwise still show. A text that was nothing
 * but controls keeps its controls rather than become empty (the schema forbids empty text).
 * Written in Java because the key is computed by ICU, which PostgreSQL does not have.
 */
public class V90__fold_with_confusable_skeletons extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement read = db.prepareStatement("SELECT id, text, folded FROM statement");
                PreparedStatement write =
                        db.prepareStatement("UPDATE statement SET text = ?, folded = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String text = kept(rs.getString(2));
                    String folded = StatementText.fold(text);
                    if (!text.equals(rs.getString(2)) || !folded.equals(rs.getString(3))) {
                        write.setString(1, text);
                        write.setString(2, folded);
                        write.setLong(3, rs.getLong(1));
                        write.addBatch();
                        pending = flushed(write, ++pending);
                    }
                }
            }
            write.executeBatch();
        }
        try (PreparedStatement read = db.prepareStatement(
                        "SELECT id, text FROM translation WHERE text ~ '[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]'");
                PreparedStatement write = db.prepareStatement("UPDATE translation SET text = ? WHERE id = ?")) {
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setString(1, kept(rs.getString(2)));
                    write.setLong(2, rs.getLong(1));
                    write.addBatch();
                    pending = flushed(write, ++pending);
                }
            }
            write.executeBatch();
        }
    }

    private static String kept(String text) {
        String without = StatementText.withoutBidiControls(text).strip();
        return without.isEmpty() ? text : without;
    }

    private static int flushed(PreparedStatement write, int pending) throws Exception {
        if (pending < BATCH) {
            return pending;
        }
        write.executeBatch();
        return 0;
    }
}
