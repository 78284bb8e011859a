package org.commonground.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code user}: account administration from the command line (the first admin is made here). */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage accounts.",
        subcommands = {UserCommand.Add.class})
public final class UserCommand {

    /** {@code user add --email E --role R [--password-stdin]}. Exit codes: 0 created, 1 refused, 2 usage. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create an account. Without --password-stdin it asks on a terminal, "
                    + "or else generates a strong password and prints it once.")
    public static final class Add implements Callable<Integer> {
        @Option(names = "--email", required = true, paramLabel = "E", description = "E-mail address to sign in with.")
        String email;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, organizer, moderator or translator.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Role> parsed = Role.parse(role);
            if (parsed.isEmpty()) {
                err.println("Unknown role '" + role + "': use admin, organizer, moderator or translator.");
                return 2;
            }
            String password;
            boolean generated = false;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null) {
                    err.println("No password on standard input.");
                    return 2;
                }
            } else if (System.console() != null) {
                password = prompt(System.console());
                if (password == null) {
                    err.println("The two passwords differ; nothing was created.");
                    return 1;
                }
            } else {
                password = Accounts.generatePassword();
                generated = true;
            }
            try (Database db = database.open()) {
                Jdbi jdbi = Database.jdbi(db.dataSource());
                Account account = Accounts.over(jdbi).create(email, password, parsed.get());
                out.println("Created " + account.role().code() + " account " + account.id() + " <" + account.email()
                        + ">.");
                if (generated) {
                    out.println("Password (shown only now): " + password);
                }
                out.flush();
                return 0;
            } catch (CommonGroundException e) {
                Messages messages = new Messages();
                err.println(messages.get(Language.EN, e.messageKey(), e.args()));
                e.fieldErrors()
                        .forEach(f -> err.println(
                                "  " + f.field() + ": " + messages.get(Language.EN, f.messageKey(), f.args())));
                err.flush();
                return 1;
            }
        }

        private static String prompt(Console console) {
            char[] first = console.readPassword("Password for the new account: ");
            char[] second = console.readPassword("Repeat it: ");
            if (first == null || second == null) {
                return null;
            }
            try {
                return Arrays.equals(first, second) ? new String(first) : null;
            } finally {
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            }
        }
    }
}
