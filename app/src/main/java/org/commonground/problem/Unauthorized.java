package org.commonground.problem;

/** No valid credentials (session cookie, API token or participant token) came with the request (401). */
public final class Unauthorized extends CommonGroundException {
    public Unauthorized(String type, String messageKey, Object... args) {
        super(type, messageKey, args);
    }

    public static Unauthorized signInRequired() {
        return new Unauthorized("unauthorized", "problem.unauthorized");
    }

    @Override
    public int status() {
        return 401;
    }
}
