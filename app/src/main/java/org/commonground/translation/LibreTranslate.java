package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.web.Language;

/**
 * LibreTranslate: {@code POST /translate} with {@code q} (a string or an array of strings),
 * {@code source}, {@code target}, {@code format} ({@code text} or {@code html}) and
 * {@code api_key}; it answers {@code {"translatedText": …}} in the shape {@code q} had.
 *
 * <p>LibreTranslate has no glossaries. Its HTML mode leaves any element marked
 * {@code translate="no"} untouched, so a batch in which an agreed term occurs is sent as HTML with
 * each source term already replaced by its agreed rendering inside such an element, and the
 * markup is taken off the answer again.
 */
final class LibreTranslate implements MachineTranslator {
    private static final Pattern PROTECTED = Pattern.compile("<span translate=\"no\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|#39);");

    private final ServiceCall call;
    private final URI translate;
    private final String key;

    LibreTranslate(ServiceCall call, URI base, String key) {
        this.call = call;
        this.translate = URI.create(base + "/translate");
        this.key = key;
    }

    @Override
    public String service() {
        return "LibreTranslate";
    }

    @Override
    public int batchSize() {
        return 25;
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language into, Glossary glossary)
            throws ServiceRefused {
        List<Glossary.Pair> terms = glossary.occurring(texts, from, into);
        boolean html = !terms.isEmpty();
        List<String> q = html ? texts.stream().map(t -> protect(t, terms)).toList() : texts;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("source", from.code());
        body.put("target", into.code());
        body.put("format", html ? "html" : "text");
        if (!key.isEmpty()) {
            body.put("api_key", key);
        }
        JsonNode answer = call.post(translate, body, List.of()).get("translatedText");
        if (answer == null || !answer.isArray() || answer.size() != texts.size()) {
            throw new ServiceRefused(
                    ServiceRefused.Kind.UNAVAILABLE,
                    null,
                    "LibreTranslate answered no translatedText array of " + texts.size());
        }
        List<String> out = new ArrayList<>(texts.size());
        for (JsonNode t : answer) {
            String s = ServiceCall.text(t, "translatedText");
            out.add(html ? unprotect(s) : s);
        }
        return out;
    }

    /** The text as HTML with every agreed term replaced by its rendering, marked not to be translated. */
    static String protect(String text, List<Glossary.Pair> terms) {
        String escaped = escape(text);
        for (Glossary.Pair p : terms) {
            escaped = escaped.replace(escape(p.source()), "\u0000" + terms.indexOf(p) + "\u0001");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\u0000(\\d+)\u0001").matcher(escaped);
        while (m.find()) {
            String rendering = escape(terms.get(Integer.parseInt(m.group(1))).target());
            m.appendReplacement(out, Matcher.quoteReplacement("<span translate=\"no\">" + rendering + "</span>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String unprotect(String html) {
        String plain = PROTECTED.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return ENTITY.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1))));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos", "#39" -> "'";
            default ->
                Character.toString(
                        name.startsWith("#x")
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1)));
        };
    }
}
