package org.commonground.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonground.problem.Unavailable;
import org.commonground.web.Secrets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes: bcrypt at cost 12 over the SHA-256 of the password, so a password of any
 * length counts in full (bcrypt alone reads 72 bytes and Spring refuses more). Stored as
 * {@value #PREFIX} plus the bcrypt hash; a plain bcrypt hash from before still verifies.
 *
 * <p>On the server, hashing runs on a small pool of its own threads (virtual threads would pin
 * the few carrier threads to bcrypt for ~0.3 s each and stall votes and pages); when the pool and
 * its queue are full a sign-in is refused at once with 503 instead of queueing without bound.
 */
public final class PasswordHashing implements AutoCloseable {
    static final String PREFIX = "{sha256}";
    /** bcrypt's cost (log2 of its rounds): about 0.3 s a check on one core here. */
    static final int COST = 12;
    /**
     * Seconds a client refused for a saturated pool is told to wait (Retry-After): a check takes
     * about 0.3 s, so the queue of a few checks drains within a second or two.
     */
    static final int BUSY_RETRY_AFTER_SECONDS = 2;

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(COST);

    private final ThreadPoolExecutor pool; // null: on the caller's thread (CLI, tools, tests of the store)

    private PasswordHashing(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    /** Hashing on the calling thread: for commands and tools that serve nobody else meanwhile. */
    public static PasswordHashing onCallerThread() {
        return new PasswordHashing(null);
    }

    /** Hashing on {@code threads} threads of its own with up to {@code queue} checks waiting; 0 threads: on the caller's. */
    public static PasswordHashing pooled(int threads, int queue) {
        if (threads == 0) {
            return onCallerThread();
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        return new PasswordHashing(pool);
    }

    /** The hash to store for a new password. */
    public String hash(String password) {
        return run(() -> PREFIX + BCRYPT.encode(digest(password)));
    }

    /** Whether {@code password} is the one {@code stored} was made from (either format). */
    public boolean matches(String password, String stored) {
        return run(() -> {
            if (stored.startsWith(PREFIX)) {
                return BCRYPT.matches(digest(password), stored.substring(PREFIX.length()));
            }
            // A hash from before the pre-hash: its password had at most 72 bytes, so a longer one is not it.
            return password.getBytes(StandardCharsets.UTF_8).length <= 72 && BCRYPT.matches(password, stored);
        });
    }

    /**
     * Whether a stored hash should be replaced by a fresh one at the next successful sign-in: a
     * plain bcrypt hash from before the pre-hash (it limits the password to 72 bytes), or one made
     * at a lower cost than {@link #COST} (or a format this class does not read, kept as is).
     */
    public static boolean needsRehash(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return true;
        }
        return costOf(stored.substring(PREFIX.length())) < COST;
    }

    /** The cost of a bcrypt hash {@code $2a$12$…}; {@link #COST} when it cannot be read (never rehashed for it). */
    static int costOf(String bcrypt) {
        if (bcrypt.length() < 7 || bcrypt.charAt(0) != '$' || bcrypt.charAt(3) != '$' || bcrypt.charAt(6) != '$') {
            return COST;
        }
        try {
            return Integer.parseInt(bcrypt.substring(4, 6));
        } catch (NumberFormatException e) {
            return COST;
        }
    }

    /** Base64 of SHA-256: 44 ASCII characters, no NUL bytes, well inside bcrypt's 72. */
    private static String digest(String password) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(password));
    }

    private <T> T run(Callable<T> work) {
        try {
            if (pool == null) {
                return work.call();
            }
            Future<T> f;
            try {
                f = pool.submit(work);
            } catch (RejectedExecutionException full) {
                throw new Unavailable(BUSY_RETRY_AFTER_SECONDS, "password-check-busy", "problem.password-check-busy");
            }
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks running or waiting now (for tests that fill the pool). */
    int inFlight() {
        return pool == null ? 0 : pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
