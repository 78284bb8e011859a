package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountStoreTest {
    static TestDatabase db;
    static AccountStore accounts;

    @BeforeAll
    static void open() {
        db = TestDatabase.embedded();
        accounts = new AccountStore(Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void authenticatesWithTheRightPasswordOnly() {
        Account created = accounts.create("mod@example.org", "correct horse battery", Role.MODERATOR);

        assertThat(accounts.authenticate("MOD@example.org", "correct horse battery")).contains(created);
        assertThat(accounts.authenticate("mod@example.org", "wrong password!")).isEmpty();
        assertThat(accounts.authenticate("nobody@example.org", "correct horse battery")).isEmpty();
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
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fieldErrors()).hasSize(2));
    }
}
