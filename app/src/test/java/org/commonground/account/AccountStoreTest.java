package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.db.Database;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts, sessions and API tokens, on the embedded and the external PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class AccountStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    static TestDatabase db;
    static AccountStore accounts;
    static SessionStore sessions;
    static ApiTokenStore tokens;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Kind kind) {
        db = TestDatabase.fresh(kind);
        Jdbi jdbi = Database.jdbi(db.dataSource());
        accounts = new AccountStore(jdbi);
        sessions = new SessionStore(jdbi);
        tokens = new ApiTokenStore(jdbi);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    @Test
    void authenticatesWithTheRightPasswordOnly() {
        Account created = accounts.create("mod@example.org", "correct horse battery", Role.MODERATOR);

        assertThat(accounts.authenticate("MOD@example.org", "correct horse battery"))
                .contains(created);
        assertThat(accounts.authenticate("mod@example.org", "wrong password!")).isEmpty();
        assertThat(accounts.authenticate("nobody@example.org", "correct horse battery"))
                .isEmpty();
    }

    @Test
    void storesPasswordsAsBcryptAtCostTwelveOverSha256() {
        Account created = accounts.create("hash@example.org", "correct horse battery", Role.TRANSLATOR);

        String hash = Database.jdbi(db.dataSource())
                .withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE id = :id")
                        .bind("id", created.id())
                        .mapTo(String.class)
                        .one());

        assertThat(hash).startsWith("{sha256}$2a$12$").doesNotContain("correct horse");
    }

    @Test
    void aWeakCostOrPlainBcryptHashIsReplacedAtTheNextSuccessfulSignIn() {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        Account plain = accounts.create("old-plain@example.org", "correct horse battery", Role.MODERATOR);
        Account weak = accounts.create("old-weak@example.org", "correct horse battery", Role.MODERATOR);
        String plainHash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10)
                .encode("correct horse battery");
        String weakHash = "{sha256}"
                + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)
                        .encode(java.util.Base64.getEncoder()
                                .encodeToString(org.commonground.web.Secrets.sha256("correct horse battery")));
        jdbi.useHandle(h -> {
            h.execute("UPDATE account SET password_hash = ? WHERE id = ?", plainHash, plain.id());
            h.execute("UPDATE account SET password_hash = ? WHERE id = ?", weakHash, weak.id());
        });

        assertThat(accounts.authenticate("old-plain@example.org", "wrong password!"))
                .isEmpty();
        assertThat(storedHash(jdbi, plain.id()))
                .as("a failed sign-in changes nothing")
                .isEqualTo(plainHash);

        assertThat(accounts.authenticate("old-plain@example.org", "correct horse battery"))
                .contains(plain);
        assertThat(accounts.authenticate("old-weak@example.org", "correct horse battery"))
                .contains(weak);

        assertThat(storedHash(jdbi, plain.id())).startsWith("{sha256}$2a$12$");
        assertThat(storedHash(jdbi, weak.id())).startsWith("{sha256}$2a$12$");
        assertThat(accounts.authenticate("old-weak@example.org", "correct horse battery"))
                .as("the fresh hash verifies")
                .contains(weak);
    }

    private static String storedHash(Jdbi jdbi, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .one());
    }

    @Test
    void refusesADuplicateEmailWithoutTouchingTheFirstAccount() {
        accounts.create("org@example.org", "first password", Role.ORGANIZER);

        assertThatThrownBy(() -> accounts.create("Org@Example.org", "second password", Role.ADMIN))
                .isInstanceOf(Conflict.class);
        assertThat(accounts.authenticate("org@example.org", "first password")).isPresent();
    }

    @Test
    void refusesBadEmailAndShortPassword() {
        assertThatThrownBy(() -> accounts.create("not-an-email", "short", Role.TRANSLATOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.fieldErrors()).hasSize(2));
    }

    @Test
    void sessionsResolveUntilEnded() {
        Account account = accounts.create("session@example.org", "correct horse battery", Role.ORGANIZER);
        SessionStore.NewSession started = sessions.start(account.id());

        assertThat(sessions.find(started.secret()))
                .contains(new SessionStore.Session(account.id(), started.csrfToken()));
        sessions.end(started.secret());
        assertThat(sessions.find(started.secret())).isEmpty();
    }

    @Test
    void tokensAuthenticateUntilRevokedAndOnlyByTheirOwner() {
        Account owner = accounts.create("tokens@example.org", "correct horse battery", Role.ORGANIZER);
        Account other = accounts.create("other@example.org", "correct horse battery", Role.ORGANIZER);
        ApiTokenStore.IssuedToken issued = tokens.issue(owner.id(), "ci");

        assertThat(tokens.accountOf(issued.secret())).contains(owner.id());
        assertThat(tokens.revoke(other.id(), issued.token().id())).isFalse();
        assertThat(tokens.accountOf(issued.secret())).contains(owner.id());
        assertThat(tokens.revoke(owner.id(), issued.token().id())).isTrue();
        assertThat(tokens.accountOf(issued.secret())).isEmpty();
        assertThat(tokens.of(owner.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }
}
