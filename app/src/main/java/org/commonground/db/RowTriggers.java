package org.commonground.db;

import org.jdbi.v3.core.Handle;

/**
 * Skipping row triggers (foreign-key checks among them) for one bulk-loading transaction, as
 * pg_restore does with {@code --disable-triggers}. Only a superuser connection may; other
 * connections are not affected. The loader must then check what the foreign keys would have.
 */
public final class RowTriggers {
    private RowTriggers() {}

    /** Skips them until the transaction ends, if this connection may; answers whether it did. */
    public static boolean skipForThisTransaction(Handle h) {
        boolean superuser = "on"
                .equals(h.createQuery("SHOW is_superuser").mapTo(String.class).one());
        if (superuser) {
            h.execute("SET LOCAL session_replication_role = replica");
        }
        return superuser;
    }

    /** Runs them again for the rest of the transaction. */
    public static void restore(Handle h) {
        h.execute("SET LOCAL session_replication_role = origin");
    }
}
