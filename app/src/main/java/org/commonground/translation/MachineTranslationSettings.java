package org.commonground.translation;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which machine translation service this deployment uses, and how hard it may be pushed. Off
 * unless the operator names a service; while off, no text ever leaves the server.
 *
 * <p>Given as {@code KIND:URL}: {@code libretranslate:http://127.0.0.1:5000},
 * {@code openai:http://127.0.0.1:8000/v1?model=NAME} (any OpenAI-compatible chat-completions
 * server: vLLM, llama.cpp server, Ollama) or {@code deepl:https://api-free.deepl.com}. Optional
 * query parameters tune the queue and are not sent to the service: {@code rate} (requests per
 * second, default 5), {@code timeout} (seconds per request, default 30), {@code budget}
 * (characters per conversation and calendar month, default 2,000,000) and {@code workers}
 * (concurrent requests, default 4).
 *
 * @param service           the kind of API spoken; null when off
 * @param base              the service's base URL without our tuning parameters
 * @param model             the chat model's name (openai only), else empty
 * @param key               the API key (DeepL: required; others: optional), empty when none
 * @param requestsPerSecond the most requests per second sent to the service, &gt; 0
 * @param timeout           how long one request may take before it is retried later
 * @param monthlyCharacters source characters (code points) translated per conversation and UTC
 *                          calendar month at most; jobs beyond wait for the next month
 * @param workers           requests in flight at once, ≥ 1
 */
public record MachineTranslationSettings(
        Service service,
        URI base,
        String model,
        String key,
        double requestsPerSecond,
        Duration timeout,
        long monthlyCharacters,
        int workers) {

    /** The APIs an adapter speaks. */
    public enum Service {
        LIBRETRANSLATE("libretranslate"),
        OPENAI("openai"),
        DEEPL("deepl");

        final String code;

        Service(String code) {
            this.code = code;
        }
    }

    public static MachineTranslationSettings off() {
        return new MachineTranslationSettings(null, null, "", "", 5, Duration.ofSeconds(30), 2_000_000, 4);
    }

    public boolean on() {
        return service != null;
    }

    /**
     * Reads {@code KIND:URL} as the command line and {@code COMMONGROUND_MACHINE_TRANSLATION} give
     * it; null or blank means off. A malformed value is refused with a message naming the forms.
     */
    public static MachineTranslationSettings parse(String spec, String key) {
        if (spec == null || spec.isBlank()) {
            return off();
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw malformed(spec);
        }
        String kind = spec.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        Service service = null;
        for (Service s : Service.values()) {
            if (s.code.equals(kind)) {
                service = s;
            }
        }
        URI uri;
        try {
            uri = URI.create(spec.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw malformed(spec);
        }
        if (service == null
                || uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw malformed(spec);
        }
        Map<String, String> query = query(uri.getRawQuery());
        MachineTranslationSettings d = off();
        String model = query.getOrDefault("model", "");
        if (service == Service.OPENAI && model.isBlank()) {
            throw new IllegalArgumentException("An OpenAI-compatible service needs the model: openai:URL?model=NAME");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        return new MachineTranslationSettings(
                service,
                base,
                model,
                key == null ? "" : key.strip(),
                positive(query, "rate", d.requestsPerSecond()),
                Duration.ofMillis((long) (positive(query, "timeout", d.timeout().toSeconds()) * 1000)),
                (long) positive(query, "budget", d.monthlyCharacters()),
                (int) positive(query, "workers", d.workers()));
    }

    /** The service as readers see it named beside a machine translation. */
    public String serviceName() {
        if (service == null) {
            return "";
        }
        return switch (service) {
            case LIBRETRANSLATE -> "LibreTranslate";
            case DEEPL -> "DeepL";
            case OPENAI -> model;
        };
    }

    /** Where the service runs, for the landing page: its host (and port when given). */
    public String where() {
        return base == null ? "" : base.getAuthority();
    }

    /** Whether the service runs on this machine, so statements do not leave it. */
    public boolean local() {
        String host = base == null ? "" : base.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    private static double positive(Map<String, String> query, String name, double fallback) {
        String raw = query.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Machine translation: " + name + " must be a positive number, not " + raw);
    }

    private static IllegalArgumentException malformed(String spec) {
        return new IllegalArgumentException("Machine translation must be KIND:URL with KIND libretranslate, openai or "
                + "deepl, e.g. libretranslate:http://127.0.0.1:5000, openai:http://127.0.0.1:8000/v1?model=NAME or "
                + "deepl:https://api-free.deepl.com (not " + spec + ")");
    }
}
