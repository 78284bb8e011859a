package org.commonground.account;

import org.commonground.web.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Browser sessions of accounts. The cookie holds a random secret; the database holds its SHA-256,
 * the account, a CSRF token bound to the session, and an expiry.
 */
public final class SessionStore {
    public static final Duration LIFETIME = Duration.ofDays(14);

    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A started session: the cookie secret (shown once) and its CSRF token. */
    public record NewSession(String secret, String csrfToken, Instant expiresAt) {}

    /** The session a cookie secret names, if it exists and has not expired. */
    public record Session(long accountId, String csrfToken) {}

    interface Sql {
        @SqlUpdate("""
            INSERT INTO account_session (token_hash, account_id, csrf_token, expires_at)
            VALUES (:hash, :accountId, :csrf, :expiresAt)""")
        void insert(@Bind("hash") String hash, @Bind("accountId") long accountId, @Bind("csrf") String csrf,
                    @Bind("expiresAt") Instant expiresAt);

        @SqlQuery("""
            SELECT s.account_id, s.csrf_token FROM account_session s JOIN account a ON a.id = s.account_id
            WHERE s.token_hash = :hash AND s.expires_at > now() AND NOT a.disabled""")
        @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Session.class)
        Optional<Session> find(@Bind("hash") String hash);

        @SqlUpdate("DELETE FROM account_session WHERE token_hash = :hash OR expires_at < now()")
        void delete(@Bind("hash") String hash);
    }

    public NewSession start(long accountId) {
        String secret = Secrets.token();
        String csrf = Secrets.random(24);
        Instant expires = Instant.now().plus(LIFETIME);
        jdbi.useExtension(Sql.class, sql -> sql.insert(Secrets.hash(secret), accountId, csrf, expires));
        return new NewSession(secret, csrf, expires);
    }

    public Optional<Session> find(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withExtension(Sql.class, sql -> sql.find(Secrets.hash(secret)));
    }

    /** Ends the session (sign-out) and sweeps expired ones. */
    public void end(String secret) {
        if (secret != null) {
            jdbi.useExtension(Sql.class, sql -> sql.delete(Secrets.hash(secret)));
        }
    }
}
