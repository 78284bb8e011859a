package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepL API v2 as it answers: {@code POST /v2/translate} ({@code {"translations":[{"detected_source_language",
 * "text"}]}}), {@code POST /v2/glossaries} (201, TSV entries), {@code GET /v2/glossaries};
 * 403 {@code {"message":"Authorization failure, check auth_key"}} without the right
 * {@code DeepL-Auth-Key}, 400 for a target it does not take or a glossary without
 * {@code source_lang}. A glossary's entries replace their source phrases as DeepL does.
 */
final class FakeDeepL extends FakeService {
    private static final Set<String> TARGETS = Set.of("JA", "KO", "EN-US", "EN-GB");

    record Stored(String id, String name, String source, String target, Map<String, String> entries) {}

    private final String key;
    final Map<String, Stored> glossaries = new ConcurrentHashMap<>();

    FakeDeepL(String key) {
        this.key = key;
    }

    @Override
    Scripted serve(Received r) {
        if (!("DeepL-Auth-Key " + key).equals(r.header("Authorization"))) {
            return new Scripted(403, "{\"message\":\"Authorization failure, check auth_key\"}");
        }
        return switch (r.method() + " " + r.path()) {
            case "POST /v2/translate" -> translate(r.json());
            case "POST /v2/glossaries" -> create(r.json());
            case "GET /v2/glossaries" ->
                new Scripted(
                        200,
                        json(Map.of(
                                "glossaries",
                                glossaries.values().stream()
                                        .map(FakeDeepL::view)
                                        .toList())));
            default -> new Scripted(404, "{\"message\":\"Not found\"}");
        };
    }

    private Scripted translate(JsonNode in) {
        String target = in.path("target_lang").asText("").toUpperCase(Locale.ROOT);
        if (!in.has("text") || !TARGETS.contains(target)) {
            return new Scripted(400, "{\"message\":\"Value for 'target_lang' not supported.\"}");
        }
        String source = in.path("source_lang").asText("");
        Stored glossary = null;
        if (in.hasNonNull("glossary_id")) {
            if (source.isEmpty()) {
                return new Scripted(
                        400, "{\"message\":\"Use of a glossary requires the source_lang parameter to be set.\"}");
            }
            glossary = glossaries.get(in.get("glossary_id").asText());
            if (glossary == null) {
                return new Scripted(404, "{\"message\":\"Glossary not found\"}");
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        String into = target.substring(0, 2).toLowerCase(Locale.ROOT);
        for (String text : strings(in.get("text"))) {
            String t = text;
            List<String> kept = new ArrayList<>();
            if (glossary != null) {
                for (var e : glossary.entries().entrySet()) {
                    if (t.contains(e.getKey())) {
                        t = t.replace(e.getKey(), "\u0000" + kept.size() + "\u0001");
                        kept.add(e.getValue());
                    }
                }
            }
            t = translated(t, source.toLowerCase(Locale.ROOT), into);
            for (int i = 0; i < kept.size(); i++) {
                t = t.replace("\u0000" + i + "\u0001", kept.get(i));
            }
            out.add(Map.of("detected_source_language", source.isEmpty() ? "KO" : source, "text", t));
        }
        return new Scripted(200, json(Map.of("translations", out)));
    }

    private Scripted create(JsonNode in) {
        if (!"tsv".equals(in.path("entries_format").asText())) {
            return new Scripted(400, "{\"message\":\"Unsupported entries format\"}");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : in.path("entries").asText("").split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                return new Scripted(400, "{\"message\":\"Invalid glossary entries provided\"}");
            }
            entries.put(parts[0], parts[1]);
        }
        Stored g = new Stored(
                UUID.randomUUID().toString(),
                in.path("name").asText(),
                in.path("source_lang").asText(),
                in.path("target_lang").asText(),
                entries);
        glossaries.put(g.id(), g);
        return new Scripted(201, json(view(g)));
    }

    private static Map<String, Object> view(Stored g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("glossary_id", g.id());
        v.put("ready", true);
        v.put("name", g.name());
        v.put("source_lang", g.source());
        v.put("target_lang", g.target());
        v.put("creation_time", Instant.now().toString());
        v.put("entry_count", g.entries().size());
        return v;
    }
}
