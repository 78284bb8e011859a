package org.commonground.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that background work makes true, polling; fails with {@code what} on timeout. */
public final class Eventually {
    private Eventually() {}

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            Pause.millis(20);
        }
    }
}
