package org.commonground.problem;

/** The command clashes with the current state (a closed conversation, a duplicate statement): 409. */
public final class Conflict extends CommonGroundException {
    private final int status;

    public Conflict(String type, String messageKey, Object... args) {
        this(409, type, messageKey, args);
    }

    /** For state clashes answered with another status, such as 410 Gone for an archived conversation. */
    public Conflict(int status, String type, String messageKey, Object... args) {
        super(type, messageKey, args);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
