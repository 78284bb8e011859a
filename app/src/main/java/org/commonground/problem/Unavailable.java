package org.commonground.problem;

/** The server is too busy for CPU-heavy work right now; the client should retry later (503). */
public final class Unavailable extends CommonGroundException {
    public Unavailable(String type, String messageKey, Object... args) {
        super(type, messageKey, args);
    }

    @Override
    public int status() {
        return 503;
    }
}
