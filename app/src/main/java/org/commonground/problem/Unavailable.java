package org.commonground.problem;

/** The server is too busy for CPU-heavy work right now; the client should retry later (503). */
public final class Unavailable extends CommonGroundException {
    private final long retryAfterSeconds;

    public Unavailable(String type, String messageKey, Object... args) {
        this(0, type, messageKey, args);
    }

    /** @param retryAfterSeconds answered as the Retry-After header when ≥ 1; 0 for none */
    public Unavailable(long retryAfterSeconds, String type, String messageKey, Object... args) {
        super(type, messageKey, args);
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** Seconds the client should wait before retrying, or 0 when the server does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 503;
    }
}
