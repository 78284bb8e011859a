package org.commonground.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a third-party OpenAI-compatible service, speaking its chat-completions API:
 * {@code POST /v1/chat/completions} with {@code model} and {@code messages} →
 * {@code {"id","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content"},
 * "finish_reason":"stop"}],"usage"}}; 400 with OpenAI's error shape without a model or messages. Its
 * "model" writes three sentences from the statements listed in the user's message, the way a model that
 * half follows instructions does: one citing a statement given, one citing a given one and an id it
 * invented ({@link #INVENTED}), and one citing nothing.
 */
final class FakeDraftingService implements AutoCloseable {
    static final long INVENTED = 987_654_321L;
    private static final Pattern GIVEN = Pattern.compile("^\\[s(\\d+)] ", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private FakeDraftingService(HttpServer server) {
        this.server = server;
    }

    static FakeDraftingService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeDraftingService fake = new FakeDraftingService(server);
            server.createContext("/", exchange -> {
                byte[] in = exchange.getRequestBody().readAllBytes();
                int status;
                String body;
                if (!exchange.getRequestMethod().equals("POST")
                        || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                    status = 404;
                    body = "{\"error\":{\"message\":\"Not Found\",\"type\":\"invalid_request_error\"}}";
                } else {
                    JsonNode request = JSON.readTree(in);
                    fake.received.add(request);
                    if (!request.hasNonNull("model")
                            || !request.path("messages").isArray()) {
                        status = 400;
                        body = "{\"error\":{\"message\":\"'model' and 'messages' are required\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
                    } else {
                        status = 200;
                        body = fake.answer(request);
                    }
                }
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the service listens, as an operator would give it to {@code --llm openai:URL?model=NAME}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String answer(JsonNode request) throws IOException {
        String user = "";
        for (JsonNode m : request.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                user = m.path("content").asText();
            }
        }
        List<Long> given = new ArrayList<>();
        Matcher m = GIVEN.matcher(user);
        while (m.find()) {
            given.add(Long.parseLong(m.group(1)));
        }
        long first = given.getFirst();
        long last = given.getLast();
        String content = "People in both countries share this view [s" + first + "]. Most also agree on this [s" + last
                + "][s" + INVENTED + "]. Everyone will soon agree on everything.";
        return JSON.writeValueAsString(org.commonground.testing.ChatCompletionReply.of(
                request.get("model").asText(), content, 120, 40));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
