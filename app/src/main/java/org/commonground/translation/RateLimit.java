package org.commonground.translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Requests per second to one service, shared by all its workers: a token bucket (burst of one
 * second's worth) that a 429's Retry-After empties until the time the service named. By the
 * injected clock; {@link #reserve} answers how long to wait instead of waiting itself.
 */
final class RateLimit {
    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant refilled;
    private Instant pausedUntil = Instant.MIN;

    RateLimit(Clock clock, double perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.tokens = burst;
        this.refilled = clock.instant();
    }

    /** Takes a request's token and answers zero, or answers how long until one is free (nothing taken). */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        double elapsed = Duration.between(refilled, now).toNanos() / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            refilled = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9) + 1);
    }

    /** The service said to wait: no request before {@code until}. */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            tokens = 0;
        }
    }
}
