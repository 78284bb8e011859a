package org.commonground.account;

import java.time.Instant;
import java.util.Optional;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Browser sessions of accounts. The cookie holds a random secret; the database holds its SHA-256,
 * the account, a CSRF token bound to the session, and an expiry.
 */
final class SessionStore implements Sessions {

    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public NewSession start(long accountId) {
        String secret = Secrets.token();
        String csrf = Secrets.random(24);
        Instant expires = Instant.now().plus(LIFETIME);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO account_session (token_hash, account_id, csrf_token, expires_at)
                        VALUES (:hash, :accountId, :csrf, :expiresAt)""")
                .bind("hash", Secrets.hash(secret))
                .bind("accountId", accountId)
                .bind("csrf", csrf)
                .bind("expiresAt", expires)
                .execute());
        return new NewSession(secret, csrf, expires);
    }

    @Override
    public Optional<Session> find(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.account_id, s.csrf_token FROM account_session s JOIN account a ON a.id = s.account_id
                        WHERE s.token_hash = :hash AND s.expires_at > now() AND NOT a.disabled""")
                .bind("hash", Secrets.hash(secret))
                .map(ConstructorMapper.of(Session.class))
                .findOne());
    }

    @Override
    public void end(String secret) {
        if (secret != null) {
            jdbi.useHandle(
                    h -> h.createUpdate("DELETE FROM account_session WHERE token_hash = :hash OR expires_at < now()")
                            .bind("hash", Secrets.hash(secret))
                            .execute());
        }
    }
}
