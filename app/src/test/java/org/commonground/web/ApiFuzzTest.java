package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.commonground.AppConfig;
import org.commonground.testing.ApiWorld;
import org.commonground.testing.ApiWorld.Caller;
import org.commonground.testing.ApiWorld.Operation;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;

/**
 * Hostile requests to every operation of the live OpenAPI document, sent as a caller the
 * authorization table allows (so the handler behind the role check runs): odd path ids, query
 * strings, and bodies with wrong types, missing fields, huge strings, NUL, lone surrogates, deep
 * nesting and bytes that are not UTF-8. The server must never answer 5xx, and every 4xx must be a
 * problem JSON with a type and a detail. Operations are taken in turn, so each gets
 * {@value #TRIES}/operations tries; the run is bounded for CI.
 */
class ApiFuzzTest {
    private static final int TRIES = 480;
    private static final ObjectMapper JSON = Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private static TestDatabase db;
    private static TestServer server;
    private static ApiWorld world;
    private static List<Operation> operations;
    private static Map<Operation, ApiAuthorizationTest.Expectation> table;
    private static final AtomicInteger turn = new AtomicInteger();
    private static final AtomicInteger sent = new AtomicInteger();
    private static final AtomicInteger serverErrors = new AtomicInteger();
    private static final AtomicInteger notProblems = new AtomicInteger();
    private static long startedAt;

    @BeforeContainer
    static void start() {
        db = TestDatabase.embedded();
        // Generous limits: the fuzz run is one client sending hundreds of requests (429 is not what it tests).
        server = TestServer.start(db, AppConfig.defaults().withAbuseLimits(AbuseLimits.unlimited()));
        world = new ApiWorld(server, db);
        operations = world.operations();
        table = ApiAuthorizationTest.table();
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void stop() {
        System.out.printf(
                "fuzz: %d requests over %d operations in %.1f s, %d 5xx, %d 4xx not a problem%n",
                sent.get(),
                operations.size(),
                (System.nanoTime() - startedAt) / 1e9,
                serverErrors.get(),
                notProblems.get());
        try {
            server.close();
        } finally {
            db.close();
        }
    }

    /** What replaces one path parameter: the world's own id (null) or something hostile. */
    @Provide
    Arbitrary<List<String>> pathIds() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.of(
                        "-1",
                        "0",
                        "-9223372036854775808",
                        "9223372036854775807",
                        "9223372036854775808",
                        "99999999999999999999999",
                        "1.5",
                        "1e3",
                        "0x10",
                        "abc",
                        "%00",
                        "%20",
                        "%2F",
                        "%F0%9F%92%A9",
                        "%C3%28",
                        "%ED%A0%80",
                        "+1",
                        "%EF%BC%91",
                        "%D9%A1",
                        "null",
                        "%7B%7D"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map(ApiFuzzTest::encode));
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just((String) null)), Tuple.of(3, hostile))
                .list()
                .ofSize(3);
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("lang", "into", "state", "limit", "offset", "before", "next", "statementId"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10).map(ApiFuzzTest::encode));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "-1",
                        "0",
                        "2147483648",
                        "99999999999999999999",
                        "ja",
                        "ko",
                        "en",
                        "xx",
                        "%00",
                        "%C3%28",
                        "pending",
                        "rejected",
                        "a&b=c",
                        "%E2%80%AE"),
                Arbitraries.strings().all().ofMaxLength(300).map(ApiFuzzTest::encode));
        Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> n + "=" + v);
        return pair.list().ofMaxSize(3).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /** A hostile JSON value for one field. */
    private static Arbitrary<JsonNode> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        NODES.nullNode(),
                        NODES.booleanNode(true),
                        NODES.numberNode(-1),
                        NODES.numberNode(0),
                        NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
                        NODES.numberNode(1.5e308),
                        NODES.textNode(""),
                        NODES.textNode("\u0000"),
                        NODES.textNode("a\u0000b"),
                        NODES.textNode("\u202Eevil"),
                        NODES.textNode("<script>x</script>"),
                        NODES.textNode("' OR 1=1 --"),
                        NODES.textNode("x".repeat(70_000)),
                        NODES.textNode("한".repeat(5_000)),
                        NODES.arrayNode(),
                        NODES.objectNode()),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)));
    }

    /** A change to the operation's valid body (or a body where none is expected). */
    sealed interface BodyChange {
        byte[] apply(ObjectNode valid);
    }

    /** One field replaced by a hostile value (field picked by index, or a new field). */
    record ReplaceField(int field, JsonNode value) implements BodyChange {
        public byte[] apply(ObjectNode valid) {
            ObjectNode copy = valid.deepCopy();
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            copy.set(names.isEmpty() ? "unexpected" : names.get(field % names.size()), value);
            return bytes(copy);
        }
    }

    /** One field left out. */
    record DropField(int field) implements BodyChange {
        public byte[] apply(ObjectNode valid) {
            ObjectNode copy = valid.deepCopy();
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty()) {
                copy.remove(names.get(field % names.size()));
            }
            return bytes(copy);
        }
    }

    /** A whole body unlike the expected one: another JSON type, a broken document, deep nesting. */
    record Whole(String text) implements BodyChange {
        public byte[] apply(ObjectNode valid) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Bytes that are not UTF-8 (or a raw lone surrogate) inside the first string of the valid body. */
    record BadBytes(byte[] inserted) implements BodyChange {
        public byte[] apply(ObjectNode valid) {
            byte[] body = bytes(valid.isEmpty() ? NODES.objectNode().put("text", "ab") : valid);
            int quote = -1;
            for (int i = 0, seen = 0; i < body.length; i++) {
                if (body[i] == '"' && ++seen == 3) {
                    quote = i;
                    break;
                }
            }
            int at = quote < 0 ? body.length / 2 : quote + 1;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(body, 0, at);
            out.writeBytes(inserted);
            out.write(body, at, body.length - at);
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<BodyChange> bodies() {
        Arbitrary<String> deep = Arbitraries.integers()
                .between(500, 30_000)
                .flatMap(depth -> Arbitraries.of(
                        "[".repeat(depth) + "]".repeat(depth), "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        Arbitrary<String> whole = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "null",
                        "[]",
                        "[{}]",
                        "\"text\"",
                        "42",
                        "true",
                        "{",
                        "{\"a\":",
                        "}",
                        "{\"a\" 1}",
                        "{\"text\":\"\\ud800\",\"lang\":\"en\"}",
                        "{\"text\":\"\\udc00x\\ud800\"}",
                        "{\"text\":\"\\u0000\"}",
                        "{\"a\":1,\"a\":2}",
                        "\uFEFF{}",
                        "{} {}",
                        "NaN",
                        "{\"x\":1e99999}"),
                deep,
                Arbitraries.strings().all().ofMaxLength(200));
        Arbitrary<byte[]> bad = Arbitraries.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {0});
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 20), hostileValues())
                        .as(ReplaceField::new),
                Arbitraries.integers().between(0, 20).map(DropField::new),
                whole.map(Whole::new),
                bad.map(BadBytes::new));
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void everyOperationAnswersHostileInputWithAProblemNeverA5xx(
            @ForAll("pathIds") List<String> ids, @ForAll("queries") String query, @ForAll("bodies") BodyChange change) {
        Operation op = operations.get(turn.getAndIncrement() % operations.size());
        ApiAuthorizationTest.Expectation row = table.get(op);
        assertThat(row).as("a row in web/authorization.txt for " + op).isNotNull();
        Caller caller = authorized(row);

        String path = path(op.path(), ids, caller) + (query.isEmpty() ? row.query() : query);
        byte[] body = change.apply(validBody(row, caller));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        String[] credentials = world.credentials(caller);
        for (int i = 0; i + 1 < credentials.length; i += 2) {
            request.header(credentials[i], credentials[i + 1]);
        }
        String described = op + " as " + caller.code() + ": " + path + " " + abbreviated(body);
        TestServer.Response r;
        try {
            r = server.send(request.build());
        } catch (UncheckedIOException staleConnection) {
            // Jetty closes a connection after refusing a request whose body it did not read; the
            // client may already have picked that pooled connection for this request. Once more on a
            // fresh one: a second silence is the server's.
            try {
                r = server.send(request.build());
            } catch (UncheckedIOException e) {
                throw new AssertionError("no answer (connection closed) to " + described, e);
            }
        }
        sent.incrementAndGet();

        assertNoServerErrorAndProblems(r, described);
    }

    /**
     * Paths Jetty refuses before Javalin sees them (found by the property above): they were an HTML
     * page, or for DELETE an empty body, instead of a problem.
     */
    @Example
    void aPathJettyRefusesIsAProblemInTheCallersLanguage() {
        for (String[] call : new String[][] {
            {"GET", "/api/v1/conversations/%C3%28/invites"},
            {"GET", "/api/v1/conversations/%ED%A0%80/statements/1/translations"},
            {"DELETE", "/api/v1/conversations/1/members/-97/%ED%A0%80"}
        }) {
            TestServer.Response r = server.send(call[0], call[1], null, "Accept-Language", "ko");

            assertThat(r.status()).as(call[1]).isEqualTo(400);
            assertNoServerErrorAndProblems(r, call[0] + " " + call[1]);
            assertThat(r.json().path("detail").asText()).as(call[1]).contains("형식");
        }
        // An encoded NUL is refused while the request line is parsed, before any header is read:
        // still a problem, in English.
        TestServer.Response nul = server.send("GET", "/api/v1/conversations/%00", null, "Accept-Language", "ko");
        assertThat(nul.status()).isEqualTo(400);
        assertNoServerErrorAndProblems(nul, "GET /api/v1/conversations/%00");
    }

    private static void assertNoServerErrorAndProblems(TestServer.Response r, String request) {
        String seen = request + " → " + r.status() + " " + r.body();
        if (r.status() >= 500) {
            serverErrors.incrementAndGet();
        } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
            notProblems.incrementAndGet();
        }
        assertThat(r.status()).as(seen).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.contentType()).as(seen).startsWith("application/problem+json");
            JsonNode problem = r.json();
            assertThat(problem.path("type").asText()).as(seen).isNotBlank();
            assertThat(problem.path("detail").asText()).as(seen).isNotBlank();
        }
    }

    /** The caller the handler behind the role check runs for: a participant, else the organizer, else the admin. */
    private static Caller authorized(ApiAuthorizationTest.Expectation row) {
        if (row.allowed().contains(Caller.PARTICIPANT) && !row.allowed().contains(Caller.ORGANIZER)) {
            return Caller.PARTICIPANT;
        }
        return row.allowed().contains(Caller.ORGANIZER) ? Caller.ORGANIZER : Caller.ADMIN;
    }

    private static String path(String template, List<String> ids, Caller caller) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            String id = ids.get(i++ % ids.size());
            String value = id == null ? world.fill(m.group(), caller) : id;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ObjectNode validBody(ApiAuthorizationTest.Expectation row, Caller caller) {
        if (row.body().isEmpty()) {
            return NODES.objectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(world.fill(row.body(), caller));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encoded for a URL (spaces as %20, as in a path); unpaired surrogates become '?'. */
    private static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 160 ? s.substring(0, 160) + "…(" + body.length + " bytes)" : s;
    }
}
