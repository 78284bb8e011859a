package org.commonground.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.web.Json;

/**
 * The real product on a random port over a test database, plus a small HTTP client for it.
 * The test owns the server and closes it; closing does not close the database.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = Json.mapper();

    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private TestServer(Javalin app) {
        this.app = app;
    }

    public static TestServer start(TestDatabase db) {
        return start(db, AppConfig.defaults().withPort(0));
    }

    public static TestServer start(TestDatabase db, AppConfig config) {
        return start(db, config, Clock.systemUTC());
    }

    /** With the clock of rate windows and sign-in throttling given (a {@link HandClock} the test moves). */
    public static TestServer start(TestDatabase db, AppConfig config, Clock clock) {
        Javalin app = App.create(config.withPort(0), db.dataSource(), clock);
        app.start("127.0.0.1", 0);
        return new TestServer(app);
    }

    /** A client for an app some test started itself (on its own database); closing it stops the app. */
    public static TestServer wrap(Javalin started) {
        return new TestServer(started);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** The running Javalin instance, for tests that inspect what it registered. */
    public Javalin javalin() {
        return app;
    }

    public int port() {
        return app.port();
    }

    /** Sends a request built on this server's base URL; headers are name, value pairs. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(),
                    r.body(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response postJson(String path, Object body, String... headers) {
        return send("POST", path, toJson(body), withJson(headers));
    }

    public Response putJson(String path, Object body, String... headers) {
        return send("PUT", path, toJson(body), withJson(headers));
    }

    private static String[] withJson(String[] headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    public static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String body, String contentType, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
