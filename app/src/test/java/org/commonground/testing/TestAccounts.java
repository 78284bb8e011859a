package org.commonground.testing;

import org.commonground.account.Account;
import org.commonground.account.AccountStore;
import org.commonground.account.ApiTokenStore;
import org.commonground.account.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Accounts with API tokens on a test database, for tests that need a signed-in caller without
 * paying for a bcrypt sign-in each time. Each call makes a new account with a unique e-mail.
 */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";

    private final AccountStore accounts;
    private final ApiTokenStore tokens;
    private int counter;

    public TestAccounts(TestDatabase db) {
        Jdbi jdbi = Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin());
        this.accounts = new AccountStore(jdbi);
        this.tokens = new ApiTokenStore(jdbi);
    }

    /** An account and the bearer header values that authenticate as it. */
    public record Caller(Account account, String token) {
        public long id() {
            return account.id();
        }

        /** Header name/value pairs for {@link TestServer} calls. */
        public String[] auth(String... more) {
            String[] all = new String[more.length + 2];
            all[0] = "Authorization";
            all[1] = "Bearer " + token;
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }

    public synchronized Caller create(Role role) {
        counter++;
        String email = role.code() + counter + "-" + System.nanoTime() + "@example.org";
        Account account = accounts.create(email, PASSWORD, role);
        return new Caller(account, tokens.issue(account.id(), "test").secret());
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
