package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server (as vLLM and llama.cpp's server answer):
 * {@code POST /v1/chat/completions} → {@code {"id","object":"chat.completion","created","model",
 * "choices":[{"index":0,"message":{"role":"assistant","content"},"finish_reason":"stop"}],"usage"}};
 * 400 {@code {"error":{"message","type":"invalid_request_error"}}} without a model or messages.
 * Its "model" follows the system prompt as a compliant model would: it translates into the
 * language the prompt names and renders glossary lines ({@code - source => rendering}) as told.
 */
final class FakeChatCompletions extends FakeService {
    private static final Pattern INTO = Pattern.compile("into (Japanese|Korean|English)");
    private static final Pattern TERM = Pattern.compile("^- (.+) => (.+)$", Pattern.MULTILINE);
    private static final Map<String, String> CODES = Map.of("Japanese", "ja", "Korean", "ko", "English", "en");

    @Override
    Scripted serve(Received r) {
        if (!r.method().equals("POST") || !r.path().equals("/v1/chat/completions")) {
            return new Scripted(404, "{\"error\":{\"message\":\"Not Found\",\"type\":\"invalid_request_error\"}}");
        }
        JsonNode in = r.json();
        JsonNode messages = in.path("messages");
        if (!in.hasNonNull("model") || !messages.isArray() || messages.isEmpty()) {
            return new Scripted(
                    400,
                    "{\"error\":{\"message\":\"'model' and 'messages' are required\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
        }
        String system = "";
        String user = "";
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals("system")) {
                system = m.path("content").asText();
            } else if (m.path("role").asText().equals("user")) {
                user = m.path("content").asText();
            }
        }
        Matcher into = INTO.matcher(system);
        String target = into.find() ? CODES.get(into.group(1)) : "en";
        String text = user;
        Matcher term = TERM.matcher(system);
        List<String[]> kept = new java.util.ArrayList<>();
        while (term.find()) {
            text = text.replace(term.group(1), "\u0000" + kept.size() + "\u0001");
            kept.add(new String[] {term.group(1), term.group(2)});
        }
        String content = translated(text, "", target).replaceFirst("^〔→", "〔");
        for (int i = 0; i < kept.size(); i++) {
            content = content.replace("\u0000" + i + "\u0001", kept.get(i)[1]);
        }
        String body = json(
                org.commonground.testing.ChatCompletionReply.of(in.get("model").asText(), content, 50, 20));
        return new Scripted(200, body);
    }
}
