package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.AppConfig;
import org.commonground.testing.ApiWorld;
import org.commonground.testing.ApiWorld.Caller;
import org.commonground.testing.ApiWorld.Operation;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the live OpenAPI document, called by each of the nine {@link Caller}s with
 * their own kind of credential, against the table in {@code web/authorization.txt}: no caller
 * outside a row's list succeeds, and every caller on it gets past authorization. An operation
 * without a row fails the test, so nobody adds an endpoint without deciding who may call it.
 */
class ApiAuthorizationTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp(
            // Mail to a port where nothing listens: invitations are queued (the outbox retries), which is all this test
            // needs.
            AppConfig.defaults()
                    .withAbuseLimits(AbuseLimits.unlimited())
                    .withMail(org.commonground.mail.MailSettings.of("smtp://127.0.0.1:9", "noreply@commonground.test")
                            .withAddressKeyFile(mailKey())),
            Clock.systemUTC()); // one client calls every operation 9 times: rate limits are not what is tested

    private static ApiWorld world;

    private static java.nio.file.Path mailKey() {
        try {
            return java.nio.file.Files.createTempDirectory("cg-mail-key-").resolve("mail.key");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One row of the table. */
    record Expectation(Operation operation, String query, Set<Caller> allowed, String body) {}

    /** What one caller got from one operation, when it was not what the table says. */
    record Failure(Operation operation, Caller caller, int status, String body) {
        @Override
        public String toString() {
            return operation + " as " + caller.code() + " → " + status + " "
                    + body.substring(0, Math.min(200, body.length()));
        }
    }

    @BeforeAll
    static void world() {
        world = new ApiWorld(app.server(), app.db());
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        Map<Operation, Expectation> table = table();
        List<Operation> documented = world.operations();

        assertThat(documented)
                .as("operations of the OpenAPI document without a row in web/authorization.txt")
                .allMatch(table::containsKey);
        assertThat(table.keySet())
                .as("rows of web/authorization.txt for operations the server no longer has")
                .allMatch(documented::contains);
    }

    @Test
    void onlyTheCallersATableRowNamesGetPastAuthorization() {
        Map<Operation, Expectation> table = table();
        TestServer server = app.server();
        List<Failure> unauthorizedSuccesses = new ArrayList<>();
        List<Failure> wrongRefusals = new ArrayList<>();
        List<Failure> refusedAllowed = new ArrayList<>();
        int checks = 0;
        int allowedCalls = 0;
        List<Failure> allowedNot2xx = new ArrayList<>();
        List<Operation> operations = world.operations();
        for (Operation op : operations) {
            Expectation row = table.get(op);
            if (row == null) {
                continue; // the coverage test names it
            }
            for (Caller caller : Caller.values()) {
                checks++;
                String path = world.fill(op.path(), caller) + row.query();
                String body = row.body().isEmpty() ? null : world.fill(row.body(), caller);
                String[] headers = world.credentials(caller);
                if (body != null) {
                    headers = with(headers, "Content-Type", "application/json");
                }
                TestServer.Response r = server.send(op.method(), path, body, headers);
                int s = r.status();
                Failure seen = new Failure(op, caller, s, r.body());
                if (row.allowed().contains(caller)) {
                    allowedCalls++;
                    if (s >= 300) {
                        allowedNot2xx.add(seen);
                    }
                    if (s == 401 || s == 403 || s >= 500) {
                        refusedAllowed.add(seen);
                    }
                } else if (s < 400) {
                    unauthorizedSuccesses.add(seen);
                } else if (!refusal(caller).contains(s)) {
                    wrongRefusals.add(seen);
                }
            }
        }
        System.out.printf(
                "authorization: %d operations × %d roles = %d checks, %d unauthorized successes, "
                        + "%d refusals with the wrong status, %d allowed callers refused%n",
                operations.size(),
                Caller.values().length,
                checks,
                unauthorizedSuccesses.size(),
                wrongRefusals.size(),
                refusedAllowed.size());
        System.out.printf(
                "authorization: %d of %d allowed calls answered 2xx; the others (past authorization): %s%n",
                allowedCalls - allowedNot2xx.size(), allowedCalls, allowedNot2xx);

        assertThat(unauthorizedSuccesses)
                .as("callers the table does not allow, who succeeded")
                .isEmpty();
        assertThat(wrongRefusals)
                .as("refusals with a status other than 401 (anonymous) or 401/403/404")
                .isEmpty();
        assertThat(refusedAllowed)
                .as("callers the table allows, who were refused or met a server error")
                .isEmpty();
    }

    /**
     * A draft is 404 to everyone outside its staff on the operations anyone may call (reading it,
     * its results, joining), so a draft's existence does not show; role-guarded operations may
     * answer 401 or 403 instead (conversation ids are sequential, the role is what is refused). Nobody
     * outside the staff succeeds on any operation of the draft.
     */
    @Test
    void aDraftIsNotFoundOutsideItsStaff() {
        var draft = world.draft();
        Map<Operation, Expectation> table = table();
        List<Failure> wrong = new ArrayList<>();
        int checks = 0;
        for (Operation op : world.operations()) {
            Expectation row = table.get(op);
            if (row == null || !op.path().contains("{conversationId}")) {
                continue;
            }
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.OTHER_PARTICIPANT, Caller.OTHER_ORGANIZER)) {
                checks++;
                String body = row.body().isEmpty() ? null : world.fill(row.body(), caller, draft);
                String[] headers = world.credentials(caller);
                if (body != null) {
                    headers = with(headers, "Content-Type", "application/json");
                }
                TestServer.Response r = app.server()
                        .send(op.method(), world.fill(op.path(), caller, draft) + row.query(), body, headers);
                boolean publicOperation = row.allowed().contains(Caller.ANONYMOUS);
                boolean refused = publicOperation
                        ? r.status() == 404
                        : Set.of(401, 403, 404).contains(r.status());
                if (!refused) {
                    wrong.add(new Failure(op, caller, r.status(), r.body()));
                }
            }
        }
        System.out.printf(
                "authorization: draft, %d checks by callers outside its staff, %d not refused as they should be%n",
                checks, wrong.size());

        assertThat(wrong)
                .as("calls on a draft by callers outside its staff, not refused (404 where anyone may call)")
                .isEmpty();
    }

    /** How a caller outside a row must be refused. */
    private static Set<Integer> refusal(Caller caller) {
        return caller == Caller.ANONYMOUS ? Set.of(401) : Set.of(401, 403, 404);
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    static Map<Operation, Expectation> table() {
        Map<Operation, Expectation> rows = new LinkedHashMap<>();
        try (InputStream in = ApiAuthorizationTest.class.getResourceAsStream("/web/authorization.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", 3);
                String[] request = cells[0].trim().split("\\s+");
                String target = request[1];
                int q = target.indexOf('?');
                Operation op = new Operation(request[0], q < 0 ? target : target.substring(0, q));
                Expectation row = new Expectation(
                        op,
                        q < 0 ? "" : target.substring(q),
                        callers(cells[1]),
                        cells.length > 2 ? cells[2].trim() : "");
                if (rows.put(op, row) != null) {
                    throw new IllegalStateException("two rows for " + op);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Set<Caller> callers(String cell) {
        EnumSet<Caller> set = EnumSet.noneOf(Caller.class);
        for (String name : cell.trim().split("\\s*,\\s*")) {
            switch (name) {
                case "all" -> set.addAll(EnumSet.allOf(Caller.class));
                case "accounts" ->
                    Arrays.stream(Caller.values()).filter(Caller::isAccount).forEach(set::add);
                default ->
                    set.add(Arrays.stream(Caller.values())
                            .filter(c -> c.code().equals(name))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no caller " + name)));
            }
        }
        return set;
    }
}
