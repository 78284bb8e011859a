package org.commonground.dialogue;

import java.net.URI;
import java.util.Optional;

/**
 * The language model that may draft sections of a dialogue's document: off unless the operator
 * names one with {@code serve --llm openai:URL?model=NAME} (or env {@code COMMONGROUND_LLM}). The
 * service speaks OpenAI's chat-completions API; an API key, if it needs one, comes from env
 * {@code COMMONGROUND_LLM_KEY}.
 *
 * @param completions the chat-completions endpoint: {@code URL/v1/chat/completions}, or the URL as given
 *                    when it already ends in {@code /chat/completions} ({@code URL/chat/completions}
 *                    when it ends in {@code /v1})
 */
public record DraftingSettings(Optional<URI> completions, String model, String key) {
    public static DraftingSettings off() {
        return new DraftingSettings(Optional.empty(), "", "");
    }

    public boolean on() {
        return completions.isPresent();
    }

    /** Parses {@code openai:URL?model=NAME}; blank or null is off; anything else malformed is an IllegalArgumentException. */
    public static DraftingSettings parse(String value, String key) {
        if (value == null || value.isBlank()) {
            return off();
        }
        String v = value.strip();
        if (!v.startsWith("openai:")) {
            throw new IllegalArgumentException("--llm must be openai:URL?model=NAME, not " + v);
        }
        URI uri;
        try {
            uri = URI.create(v.substring("openai:".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--llm: not a URL: " + v, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--llm: the URL must be http or https: " + v);
        }
        String model = "";
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                if (pair.startsWith("model=")) {
                    model = pair.substring("model=".length());
                }
            }
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("--llm: name the model, as in openai:http://localhost:8000?model=NAME");
        }
        String base =
                uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String endpoint = base.endsWith("/chat/completions")
                ? base
                : base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions";
        return new DraftingSettings(Optional.of(URI.create(endpoint)), model, key == null ? "" : key.strip());
    }
}
