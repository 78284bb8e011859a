package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.commonground.Main;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class UserCommandTest {
    @RegisterExtension
    static final FreshDatabase fresh = new FreshDatabase();

    static TestDatabase db;
    static Accounts accounts;

    @BeforeAll
    static void open() {
        db = fresh.get();
        accounts = Accounts.over(Database.jdbi(db.dataSource()));
    }

    record Run(int exitCode, String out, String err) {}

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli =
                    new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void addsAnAccountWithThePasswordFromStandardInput() {
        Run r = run(
                "a very good password\n",
                "user",
                "add",
                "--email",
                "admin@example.org",
                "--role",
                "admin",
                "--password-stdin",
                "--database-url",
                db.jdbcUrl());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created admin account").doesNotContain("a very good password");
        assertThat(accounts.authenticate("admin@example.org", "a very good password"))
                .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void generatesAndPrintsAStrongPasswordOnceWithoutATerminal() {
        Run r = run(
                "", "user", "add", "--email", "org@example.org", "--role", "organizer", "--database-url", db.jdbcUrl());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String password = r.out()
                .lines()
                .filter(l -> l.startsWith("Password"))
                .findFirst()
                .orElseThrow()
                .replaceFirst("^.*: ", "");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(accounts.authenticate("org@example.org", password)).isPresent();
    }

    @Test
    void refusesAnUnknownRoleAndATakenEmail() {
        run(
                "first password!\n",
                "user",
                "add",
                "--email",
                "taken@example.org",
                "--role",
                "moderator",
                "--password-stdin",
                "--database-url",
                db.jdbcUrl());

        Run badRole =
                run("", "user", "add", "--email", "x@example.org", "--role", "emperor", "--database-url", db.jdbcUrl());
        Run taken = run(
                "second password!\n",
                "user",
                "add",
                "--email",
                "taken@example.org",
                "--role",
                "translator",
                "--password-stdin",
                "--database-url",
                db.jdbcUrl());

        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("emperor");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("already exists");
        assertThat(accounts.authenticate("taken@example.org", "first password!"))
                .isPresent();
    }
}
