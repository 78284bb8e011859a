package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonground.web.Language;

/**
 * DeepL: {@code POST /v2/translate} with {@code Authorization: DeepL-Auth-Key …}, {@code text} (up
 * to 50 strings), {@code source_lang}, {@code target_lang} ({@code EN-US} for English: plain
 * {@code EN} is deprecated as a target) and {@code glossary_id}. The glossary for a language pair
 * is created once with {@code POST /v2/glossaries} (entries as TSV) and found again by its name
 * (which carries a hash of its entries) after a restart, since DeepL glossaries cannot be changed
 * and an account holds at most 1,000 of them.
 */
final class DeepL implements MachineTranslator {
    private final ServiceCall call;
    private final URI base;
    private final List<String> auth;
    /** Glossary name → DeepL's glossary_id. */
    private final Map<String, String> glossaries = new ConcurrentHashMap<>();

    DeepL(ServiceCall call, URI base, String key) {
        this.call = call;
        this.base = base;
        this.auth = List.of("Authorization", "DeepL-Auth-Key " + key);
    }

    @Override
    public String service() {
        return "DeepL";
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language into, Glossary glossary)
            throws ServiceRefused {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", texts);
        body.put("source_lang", from.code().toUpperCase(Locale.ROOT));
        body.put("target_lang", into == Language.EN ? "EN-US" : into.code().toUpperCase(Locale.ROOT));
        List<Glossary.Pair> pairs = glossary.pairs(from, into);
        if (!pairs.isEmpty()) {
            body.put("glossary_id", glossaryId(pairs, from, into));
        }
        JsonNode translations =
                call.post(URI.create(base + "/v2/translate"), body, auth).path("translations");
        if (!translations.isArray() || translations.size() != texts.size()) {
            throw new ServiceRefused(
                    ServiceRefused.Kind.UNAVAILABLE, null, "DeepL answered no translations array of " + texts.size());
        }
        List<String> out = new ArrayList<>(texts.size());
        for (JsonNode t : translations) {
            out.add(ServiceCall.text(t.get("text"), "translations[].text"));
        }
        return out;
    }

    /** Synchronized: two workers meeting a new glossary at once must not create it twice. */
    private synchronized String glossaryId(List<Glossary.Pair> pairs, Language from, Language into)
            throws ServiceRefused {
        StringBuilder tsv = new StringBuilder();
        for (Glossary.Pair p : pairs) {
            if (tsv.length() > 0) {
                tsv.append('\n');
            }
            // TSV entries may hold neither tabs nor line breaks; a term never needs them.
            tsv.append(p.source().replaceAll("[\\t\\r\\n]", " "))
                    .append('\t')
                    .append(p.target().replaceAll("[\\t\\r\\n]", " "));
        }
        String name = "commonground-" + from.code() + "-" + into.code() + "-"
                + sha256(tsv.toString()).substring(0, 16);
        String known = glossaries.get(name);
        if (known != null) {
            return known;
        }
        for (JsonNode g : call.get(URI.create(base + "/v2/glossaries"), auth).path("glossaries")) {
            if (name.equals(g.path("name").asText()) && g.path("ready").asBoolean(true)) {
                glossaries.put(name, g.path("glossary_id").asText());
                return g.path("glossary_id").asText();
            }
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", name);
        create.put("source_lang", from.code());
        create.put("target_lang", into.code());
        create.put("entries", tsv.toString());
        create.put("entries_format", "tsv");
        String id = ServiceCall.text(
                call.post(URI.create(base + "/v2/glossaries"), create, auth).get("glossary_id"), "glossary_id");
        glossaries.put(name, id);
        return id;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
