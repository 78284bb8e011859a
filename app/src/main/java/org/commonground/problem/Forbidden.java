package org.commonground.problem;

/** The caller is known but lacks the role for this command (403). */
public final class Forbidden extends CommonGroundException {
    public Forbidden(String type, String messageKey, Object... args) {
        super(type, messageKey, args);
    }

    public static Forbidden role() {
        return new Forbidden("forbidden", "problem.forbidden");
    }

    @Override
    public int status() {
        return 403;
    }
}
