package org.commonground.account;

import org.commonground.web.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Revocable API tokens for automation. A token is {@value #PREFIX} plus a 256-bit secret; it is
 * shown once at creation and stored only as its SHA-256.
 */
public final class ApiTokenStore {
    public static final String PREFIX = "cga_";

    private final Jdbi jdbi;

    public ApiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A token's public description (never the secret). */
    public record ApiToken(long id, long accountId, String name, Instant createdAt, Instant revokedAt) {}

    /** A freshly issued token: the secret is only ever available here. */
    public record IssuedToken(ApiToken token, String secret) {}

    interface Sql {
        @SqlUpdate("INSERT INTO api_token (account_id, name, token_hash) VALUES (:accountId, :name, :hash)")
        @GetGeneratedKeys({"id", "account_id", "name", "created_at", "revoked_at"})
        @RegisterConstructorMapper(ApiToken.class)
        ApiToken insert(@Bind("accountId") long accountId, @Bind("name") String name, @Bind("hash") String hash);

        @SqlQuery("""
            SELECT t.account_id FROM api_token t JOIN account a ON a.id = t.account_id
            WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND NOT a.disabled""")
        Optional<Long> accountOf(@Bind("hash") String hash);

        @SqlQuery("SELECT id, account_id, name, created_at, revoked_at FROM api_token WHERE account_id = :accountId ORDER BY id")
        @RegisterConstructorMapper(ApiToken.class)
        List<ApiToken> of(@Bind("accountId") long accountId);

        @SqlUpdate("UPDATE api_token SET revoked_at = now() WHERE id = :id AND account_id = :accountId AND revoked_at IS NULL")
        int revoke(@Bind("id") long id, @Bind("accountId") long accountId);
    }

    public IssuedToken issue(long accountId, String name) {
        String secret = PREFIX + Secrets.token();
        ApiToken token = jdbi.withExtension(Sql.class, sql -> sql.insert(accountId, name, Secrets.hash(secret)));
        return new IssuedToken(token, secret);
    }

    public Optional<Long> accountOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbi.withExtension(Sql.class, sql -> sql.accountOf(Secrets.hash(secret)));
    }

    public List<ApiToken> of(long accountId) {
        return jdbi.withExtension(Sql.class, sql -> sql.of(accountId));
    }

    /** Revokes one of the account's tokens; false if it has no such live token. */
    public boolean revoke(long accountId, long tokenId) {
        return jdbi.withExtension(Sql.class, sql -> sql.revoke(tokenId, accountId)) == 1;
    }
}
