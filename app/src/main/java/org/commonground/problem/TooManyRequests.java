package org.commonground.problem;

/** The client has tried something too often; it may try again after {@link #retryAfterSeconds()} (429). */
public final class TooManyRequests extends CommonGroundException {
    private final long retryAfterSeconds;

    public TooManyRequests(String type, String messageKey, long retryAfterSeconds, Object... args) {
        super(type, messageKey, args);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until a new attempt can succeed, ≥ 1; answered as the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }
}
