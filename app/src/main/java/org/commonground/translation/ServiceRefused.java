package org.commonground.translation;

import java.time.Duration;

/**
 * A machine translation service did not translate. The queue decides from {@code kind} whether
 * and when to try again: a rate limit or an outage is retried (after {@code retryAfter} when the
 * service said so), an exhausted quota waits long, a rejected request is not retried.
 */
final class ServiceRefused extends Exception {
    enum Kind {
        RATE_LIMITED,
        QUOTA_EXCEEDED,
        UNAVAILABLE,
        REJECTED
    }

    final Kind kind;
    /** What the service asked us to wait (Retry-After), or null when it did not say. */
    final Duration retryAfter;

    ServiceRefused(Kind kind, Duration retryAfter, String message) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }
}
