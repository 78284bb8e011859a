package org.commonground.statement;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one way to check a new statement against the near-duplicate rule inside a writing
 * transaction. Two concurrent writers of the same text (on one server or two) could both find no
 * duplicate and both insert, so the check first takes a transaction-scoped advisory lock per
 * conversation: writers of statements to one conversation queue for the instant of the check and
 * insert, writers to other conversations do not wait. Every writer of {@code statement} rows that
 * must respect the rule (organizer seeds, participants) calls this before inserting, in the same
 * transaction.
 */
public final class NearDuplicates {
    /** First key of the advisory lock, so it cannot collide with locks other features take. */
    private static final int LOCK_CLASS = 0x53544d54;  // "STMT"

    private NearDuplicates() {}

    /** Locks the conversation's statement writes until the transaction ends, then finds an existing statement with this folded text. */
    public static Optional<Long> lockAndFind(Handle h, long conversationId, String folded) {
        h.createQuery("SELECT pg_advisory_xact_lock(:lockClass, :key)::text")
                .bind("lockClass", LOCK_CLASS).bind("key", (int) conversationId)
                .mapTo(String.class).one();
        return h.createQuery("""
                SELECT id FROM statement WHERE conversation_id = :conversation AND folded = :folded
                ORDER BY id LIMIT 1""")
                .bind("conversation", conversationId).bind("folded", folded)
                .mapTo(Long.class).findOne();
    }
}
