package org.commonground.polis;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The transactions of the Pol.is import and export. This feature owns no table: the rows are read
 * and written by each table's owner (conversation, statement, participation) on the handle given
 * here, so that an import is all or nothing and an export is one snapshot.
 */
final class PolisStore {
    private PolisStore() {}

    /** Repeatable read: an export never pairs votes with statements that were not there at the same moment. */
    static <T> T inSnapshot(Jdbi jdbi, HandleCallback<T, RuntimeException> read) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, (Handle h) -> read.withHandle(h));
    }

    /** One transaction for a whole import. */
    static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> write) {
        return jdbi.inTransaction(write);
    }
}
