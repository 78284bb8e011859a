package org.commonground.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions of signed-in accounts (the account feature's {@code account_session} table); {@link #over} builds one for tools and tests.
 */
public interface Sessions {
    static final Duration LIFETIME = Duration.ofDays(14);

    static Sessions over(Jdbi jdbi) {
        return new SessionStore(jdbi);
    }

    /** A started session: the cookie secret (shown once) and its CSRF token. */
    record NewSession(String secret, String csrfToken, Instant expiresAt) {}

    /** The session a cookie secret names, if it exists and has not expired. */
    record Session(long accountId, String csrfToken) {}

    NewSession start(long accountId);

    Optional<Session> find(String secret);

    /** Ends the session (sign-out) and sweeps expired ones. */
    void end(String secret);
}
