package org.commonground.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The API tokens of accounts (the account feature's {@code api_token} table): issued, resolved and revoked here; {@link #over} builds one for tools and tests.
 */
public interface ApiTokens {
    static final String PREFIX = "cga_";

    static ApiTokens over(Jdbi jdbi) {
        return new ApiTokenStore(jdbi);
    }

    /** A token's public description (never the secret). */
    record ApiToken(long id, long accountId, String name, Instant createdAt, Instant revokedAt) {}

    /** A freshly issued token: the secret is only ever available here. */
    record IssuedToken(ApiToken token, String secret) {}

    IssuedToken issue(long accountId, String name);

    Optional<Long> accountOf(String secret);

    List<ApiToken> of(long accountId);

    /** Revokes one of the account's tokens; false if it has no such live token. */
    boolean revoke(long accountId, long tokenId);
}
