package org.commonground.account;

import java.util.List;
import java.util.Optional;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Revocable API tokens for automation. A token is {@value #PREFIX} plus a 256-bit secret; it is
 * shown once at creation and stored only as its SHA-256.
 */
final class ApiTokenStore implements ApiTokens {

    private final Jdbi jdbi;

    public ApiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public IssuedToken issue(long accountId, String name) {
        String secret = PREFIX + Secrets.token();
        ApiToken token = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO api_token (account_id, name, token_hash) VALUES (:accountId, :name, :hash)")
                .bind("accountId", accountId)
                .bind("name", name)
                .bind("hash", Secrets.hash(secret))
                .executeAndReturnGeneratedKeys("id", "account_id", "name", "created_at", "revoked_at")
                .map(ConstructorMapper.of(ApiToken.class))
                .one());
        return new IssuedToken(token, secret);
    }

    @Override
    public Optional<Long> accountOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.account_id FROM api_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND NOT a.disabled""")
                .bind("hash", Secrets.hash(secret))
                .mapTo(Long.class)
                .findOne());
    }

    @Override
    public List<ApiToken> of(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, account_id, name, created_at, revoked_at FROM api_token WHERE account_id = :accountId ORDER BY id")
                .bind("accountId", accountId)
                .map(ConstructorMapper.of(ApiToken.class))
                .list());
    }

    @Override
    public boolean revoke(long accountId, long tokenId) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE api_token SET revoked_at = now() WHERE id = :id AND account_id = :accountId AND revoked_at IS NULL")
                        .bind("id", tokenId)
                        .bind("accountId", accountId)
                        .execute())
                == 1;
    }
}
