package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A third-party translation service that cannot be reached from here, played by a real HTTP
 * server on a random loopback port. Subclasses speak one service's API; this records every
 * request and can answer the next ones with scripted failures (429 with Retry-After, 456, 5xx).
 *
 * <p>Its "translation" is a tiny dictionary of words (replaced where found) plus a marker of the
 * target language, so a test can tell exactly what was translated, into which language, and
 * whether an agreed term was left alone.
 */
public abstract class FakeService implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A scripted answer; headers are name, value pairs. */
    record Scripted(int status, String body, String... headers) {}

    /** Words the fake "knows"; 독도 deliberately has a rendering the glossary must override. */
    static final Map<String, Map<String, String>> WORDS = Map.of(
            "독도", Map.of("ja", "獨島", "en", "Dokto island"),
            "竹島", Map.of("ko", "다케시마 섬", "en", "Bamboo island"),
            "평화", Map.of("ja", "平和", "en", "peace"),
            "교류", Map.of("ja", "交流", "en", "exchange"),
            "平和", Map.of("ko", "평화", "en", "peace"),
            "交流", Map.of("ko", "교류", "en", "exchange"));

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Scripted> next = new ConcurrentLinkedQueue<>();

    FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The base URL, as an operator would configure it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests to {@code path} so far. */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The next requests, one each, are answered so instead of served. */
    void answerNext(Scripted... answers) {
        next.addAll(List.of(answers));
    }

    private void exchange(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received r = new Received(
                x.getRequestMethod(), x.getRequestURI().getPath(), Map.copyOf(x.getRequestHeaders()), body);
        received.add(r);
        Scripted answer = next.poll();
        if (answer == null) {
            try {
                answer = serve(r);
            } catch (RuntimeException e) {
                answer = new Scripted(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }
        for (int i = 0; i + 1 < answer.headers().length; i += 2) {
            x.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!x.getResponseHeaders().containsKey("Content-Type")) {
            x.getResponseHeaders().add("Content-Type", "application/json");
        }
        x.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    /** The service's own answer to a request. */
    abstract Scripted serve(Received request);

    /** The fake's machine translation of plain text. */
    static String translated(String text, String source, String target) {
        String out = text;
        for (var w : WORDS.entrySet()) {
            String rendering = w.getValue().get(target);
            if (rendering != null) {
                out = out.replace(w.getKey(), rendering);
            }
        }
        return "〔" + source + "→" + target + "〕" + out;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
