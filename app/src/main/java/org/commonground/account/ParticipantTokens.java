package org.commonground.account;

/**
 * Whether a bearer token is a participant's. Participants belong to the participation feature,
 * above this one, which implements this and hands it over while wiring; {@link CsrfGuard} asks it
 * so that only a valid token, not any {@code Authorization} header, lets a cookie-carrying request
 * skip the CSRF check.
 */
@FunctionalInterface
public interface ParticipantTokens {
    /** For wiring without participants (no token is one): every request with cookies is checked. */
    ParticipantTokens NONE = token -> false;

    /** @param token the bearer token as sent */
    boolean known(String token);
}
