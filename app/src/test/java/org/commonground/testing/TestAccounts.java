package org.commonground.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.ApiTokens;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts with API tokens on a test database, for tests that need callers. Rows are inserted
 * with a low-cost bcrypt hash of {@link #PASSWORD} (bcrypt keeps the cost in the hash, so signing
 * in still goes through the real check) because cost 12 takes about a second per account here;
 * {@code AccountStoreTest} covers creation at the real cost.
 */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";
    private static final String CHEAP_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final ApiTokens tokens;

    public TestAccounts(TestDatabase db) {
        this.jdbi = Database.jdbi(db.dataSource());
        this.accounts = Accounts.over(jdbi);
        this.tokens = ApiTokens.over(jdbi);
    }

    /** An account and the bearer token that authenticates as it. */
    public record Caller(Account account, String token) {
        public long id() {
            return account.id();
        }

        public String email() {
            return account.email();
        }

        /** Header name/value pairs for {@link TestServer} calls, followed by {@code more}. */
        public String[] auth(String... more) {
            String[] all = new String[more.length + 2];
            all[0] = "Authorization";
            all[1] = "Bearer " + token;
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }

    /** An account with a unique e-mail and an API token. */
    public Caller create(Role role) {
        Account account =
                account(role.code() + COUNTER.incrementAndGet() + "-" + System.nanoTime() + "@example.org", role);
        return new Caller(account, tokens.issue(account.id(), "test").secret());
    }

    /** An account that signs in with {@code email} and {@link #PASSWORD}. */
    public Account account(String email, Role role) {
        long id = jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO account (email, password_hash, role) VALUES (:e, :h, :r)")
                        .bind("e", email)
                        .bind("h", CHEAP_HASH)
                        .bind("r", role.code())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
        return accounts.find(id).orElseThrow();
    }

    public Caller admin() {
        return create(Role.ADMIN);
    }

    public Caller organizer() {
        return create(Role.ORGANIZER);
    }

    public Caller moderator() {
        return create(Role.MODERATOR);
    }

    public Caller translator() {
        return create(Role.TRANSLATOR);
    }
}
