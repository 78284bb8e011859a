package org.commonground.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for something that changes in the background (a live result, a queue, a server) by
 * polling a condition, never by sleeping a guessed time: the one place tests wait.
 */
public final class Eventually {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Eventually() {}

    /**
     * Asks {@code probe} until its answer satisfies {@code done} or {@code within} has passed, and
     * returns the last answer either way: the caller asserts on it, so a timeout fails with the
     * caller's own message and the value that was seen.
     */
    public static <T> T eventually(Duration within, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() - deadline < 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting");
            }
            answer = probe.get();
        }
        return answer;
    }
}
