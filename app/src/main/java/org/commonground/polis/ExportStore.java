package org.commonground.polis;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The export's one transaction. It owns no table: the rows come from each table's owner
 * (conversation, statement, participation) on this handle, and repeatable read makes them one
 * snapshot, so an export never pairs votes with statements that were not there at the same moment.
 */
final class ExportStore {
    private ExportStore() {}

    static <T> T inSnapshot(Jdbi jdbi, HandleCallback<T, RuntimeException> read) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, (Handle h) -> read.withHandle(h));
    }
}
