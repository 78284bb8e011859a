package org.commonground.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand, for rate windows, throttles and backoffs: tests advance it, never
 * sleep. {@code new HandClock()} stands still until moved; {@link #running()} is the real clock
 * moved ahead on demand, for code that also waits in real time and compares with the database's
 * {@code now()} (the machine translation queue's worker).
 */
public final class HandClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** Stopped at 2026-11-28T12:00:00Z until advanced. */
    public HandClock() {
        this(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
    }

    private HandClock(Clock base) {
        this.base = base;
    }

    /** The real time, plus every {@link #advance}. */
    public static HandClock running() {
        return new HandClock(Clock.systemUTC());
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get());
    }

    public void advance(Duration by) {
        ahead.updateAndGet(d -> d.plus(by));
    }
}
