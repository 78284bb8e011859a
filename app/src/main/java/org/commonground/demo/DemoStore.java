package org.commonground.demo;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.commonground.conversation.ConversationCatalog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo seed's hold on the database: an advisory lock, so that two servers starting on one
 * database do not both seed, and the one transaction the seed writes in. It reads and writes no
 * table itself; every row goes through the owning feature's store.
 */
final class DemoStore {
    /** Advisory lock key for seeding ("CG demo"). */
    private static final long LOCK = 0x4347_2064_656d_6fL;

    private final Jdbi jdbi;

    DemoStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code seed} holding the lock, unless a conversation exists already: then its id.
     *
     * @param seed what to do when the database has no conversation, holding the lock
     */
    <T> T whileLocked(Function<Long, T> existing, Supplier<T> seed) {
        try (Handle lock = jdbi.open()) {
            lock.createQuery("SELECT pg_advisory_lock(:key)")
                    .bind("key", LOCK)
                    .mapTo(String.class)
                    .one();
            try {
                Optional<Long> first = ConversationCatalog.oldestId(lock);
                return first.isPresent() ? existing.apply(first.get()) : seed.get();
            } finally {
                lock.createQuery("SELECT pg_advisory_unlock(:key)")
                        .bind("key", LOCK)
                        .mapTo(Boolean.class)
                        .one();
            }
        }
    }

    /** Runs {@code work} in one transaction. */
    <T> T inTransaction(Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }
}
