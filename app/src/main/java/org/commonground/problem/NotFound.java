package org.commonground.problem;

/** The addressed thing does not exist, or the caller may not know that it exists (404). */
public final class NotFound extends CommonGroundException {
    public NotFound(String type, String messageKey, Object... args) {
        super(type, messageKey, args);
    }

    /** A missing entity of a kind such as {@code conversation} or {@code statement}. */
    public static NotFound of(String kind, Object id) {
        return new NotFound(kind + "-not-found", "problem." + kind + "-not-found", id);
    }

    @Override
    public int status() {
        return 404;
    }
}
