package org.commonground.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.problem.Conflict;
import org.commonground.problem.Unavailable;
import org.commonground.web.Json;
import org.commonground.web.Language;

/**
 * Drafts a section of the document with a language model over OpenAI's chat-completions API
 * ({@code POST …/chat/completions} with {@code model} and {@code messages}; the draft is
 * {@code choices[0].message.content}), then holds the model to its sources: every sentence must cite
 * statements as {@code [s123]}, and only the statements it was given. A sentence citing none of them
 * is dropped; ids it was not given are flagged and left out. The draft is never published as is: it
 * is stored unapproved until an editor approves it.
 */
final class DraftingModel {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern CITE = Pattern.compile("\\[s(\\d{1,18})]");
    private static final Map<Language, String> NAMES =
            Map.of(Language.JA, "Japanese", Language.KO, "Korean", Language.EN, "English");

    private final DraftingSettings settings;
    private final HttpClient http;

    DraftingModel(DraftingSettings settings) {
        this.settings = settings;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    boolean on() {
        return settings.on();
    }

    /** A statement the model may draw on: its id and its text in the draft's language. */
    record Source(long id, String text) {}

    /**
     * The validated draft: its text (the kept sentences), the given statements it cites, the ids it
     * cited that it was not given, and how many sentences were dropped for citing no given statement.
     */
    record Draft(String text, List<Long> cites, List<Long> flagged, int dropped) {}

    /** Asks the model for a draft of the section {@code topic} in {@code lang} from {@code sources}; 409 when off, 503 when the service fails. */
    Draft draft(String topic, Language lang, List<Source> sources) {
        if (!settings.on()) {
            throw new Conflict("drafting-unavailable", "problem.drafting-unavailable");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", systemPrompt(lang)),
                        Map.of("role", "user", "content", userPrompt(topic, sources))));
        body.put("temperature", 0.2);
        body.put("stream", false);
        String content = complete(body);
        Set<Long> given = new LinkedHashSet<>();
        sources.forEach(s -> given.add(s.id()));
        return validate(content, given);
    }

    static String systemPrompt(Language lang) {
        return "You help citizens of Japan and Korea write a shared statement of what they agree on. Write in "
                + NAMES.get(lang)
                + ", two to five plain sentences, faithful to the statements you are given and to nothing else."
                + " End every sentence with the ids of the statements it rests on, written like [s123] (several"
                + " like [s12][s34]). Cite only the ids listed. Do not add a title, a list or any other text.";
    }

    static String userPrompt(String topic, List<Source> sources) {
        StringBuilder p = new StringBuilder("Section: ").append(topic).append("\n\nStatements:\n");
        for (Source s : sources) {
            p.append("[s").append(s.id()).append("] ").append(s.text().strip()).append('\n');
        }
        return p.toString();
    }

    private String complete(Map<String, Object> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            settings.completions().orElseThrow())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (!settings.key().isEmpty()) {
                request.header("Authorization", "Bearer " + settings.key());
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Unavailable("drafting-failed", "problem.drafting-failed");
            }
            JsonNode content = JSON.readTree(response.body())
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content");
            if (!content.isTextual() || content.asText().isBlank()) {
                throw new Unavailable("drafting-failed", "problem.drafting-failed");
            }
            return content.asText();
        } catch (IOException e) {
            throw new Unavailable("drafting-failed", "problem.drafting-failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("drafting-failed", "problem.drafting-failed");
        }
    }

    /** Holds the model's text to the statements it was given, sentence by sentence. */
    static Draft validate(String content, Set<Long> given) {
        List<String> kept = new ArrayList<>();
        Set<Long> cites = new LinkedHashSet<>();
        Set<Long> flagged = new LinkedHashSet<>();
        int dropped = 0;
        for (String sentence : sentences(content)) {
            Matcher m = CITE.matcher(sentence);
            boolean cited = false;
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                long id = Long.parseLong(m.group(1));
                if (given.contains(id)) {
                    cites.add(id);
                    cited = true;
                    m.appendReplacement(text, Matcher.quoteReplacement(m.group()));
                } else {
                    flagged.add(id);
                    m.appendReplacement(text, "");
                }
            }
            m.appendTail(text);
            if (cited) {
                kept.add(text.toString().replaceAll("\\s+", " ").strip());
            } else {
                dropped++;
            }
        }
        return new Draft(String.join(" ", kept), List.copyOf(cites), List.copyOf(flagged), dropped);
    }

    /**
     * Sentences of the text: each ends at . ! ? 。 ！ ？ (or a line break), together with the citations
     * that follow its end mark ("… agree. [s1][s2]" is one sentence).
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        Pattern trailing = Pattern.compile("\\G[\\s,]*\\[s\\d{1,18}]");
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean end = c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == '\n';
            if (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                end = false; // 2.5, not an end
            }
            i++;
            if (end) {
                Matcher m = trailing.matcher(text);
                while (m.find(i) && m.start() == i) {
                    i = m.end();
                }
                add(out, text.substring(start, i));
                start = i;
            }
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        if (!sentence.isBlank() && !sentence.strip().matches("[.!?。！？]*")) {
            out.add(sentence.strip());
        }
    }
}
