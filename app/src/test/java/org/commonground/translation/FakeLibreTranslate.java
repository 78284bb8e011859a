package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LibreTranslate 1.6's {@code POST /translate} as it answers (JSON body): {@code translatedText} a
 * string for a string {@code q} and an array for an array; 400 {@code {"error": …}} for a missing
 * parameter or an unsupported language, 403 for a wrong {@code api_key} when keys are required.
 * In {@code html} format, elements with {@code translate="no"} are left as they are.
 */
public final class FakeLibreTranslate extends FakeService {
    private static final Set<String> LANGUAGES = Set.of("en", "ja", "ko");
    private static final Pattern KEEP = Pattern.compile("<span translate=\"no\">.*?</span>", Pattern.DOTALL);

    private final String requiredKey;

    FakeLibreTranslate(String requiredKey) {
        this.requiredKey = requiredKey;
    }

    public FakeLibreTranslate() {
        this(null);
    }

    @Override
    Scripted serve(Received r) {
        if (!r.method().equals("POST") || !r.path().equals("/translate")) {
            return new Scripted(404, "{\"error\":\"Not Found\"}");
        }
        JsonNode in = r.json();
        if (requiredKey != null && !requiredKey.equals(in.path("api_key").asText(null))) {
            return new Scripted(403, "{\"error\":\"Invalid API key\"}");
        }
        for (String field : List.of("q", "source", "target")) {
            if (!in.hasNonNull(field)) {
                return new Scripted(400, "{\"error\":\"Invalid request: missing " + field + " parameter\"}");
            }
        }
        String source = in.get("source").asText();
        String target = in.get("target").asText();
        for (String lang : List.of(source, target)) {
            if (!LANGUAGES.contains(lang)) {
                return new Scripted(400, "{\"error\":\"" + lang + " is not supported\"}");
            }
        }
        boolean html = "html".equals(in.path("format").asText("text"));
        List<String> out = new ArrayList<>();
        for (String q : strings(in.get("q"))) {
            out.add(html ? translatedHtml(q, source, target) : translated(q, source, target));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("translatedText", in.get("q").isArray() ? out : out.getFirst());
        return new Scripted(200, json(answer));
    }

    private static String translatedHtml(String html, String source, String target) {
        StringBuilder out = new StringBuilder("〔" + source + "→" + target + "〕");
        Matcher m = KEEP.matcher(html);
        int at = 0;
        while (m.find()) {
            out.append(words(html.substring(at, m.start()), target)).append(m.group());
            at = m.end();
        }
        return out.append(words(html.substring(at), target)).toString();
    }

    private static String words(String text, String target) {
        String t = translated(text, "", target);
        return t.substring(t.indexOf('〕') + 1);
    }
}
