package org.commonground.testing;

/** Waiting between polls of something that changes in the background (a live result, a server). */
public final class Pause {
    private Pause() {}

    /** Sleeps; an interrupt fails the test rather than being swallowed. */
    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
