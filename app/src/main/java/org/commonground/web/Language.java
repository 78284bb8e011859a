package org.commonground.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** The three languages Common Ground speaks. Everything a user reads exists in each of them. */
public enum Language {
    JA,
    KO,
    EN;

    /** ISO 639-1 code as used in URLs, cookies, JSON and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (c.equals(l.code()) || c.startsWith(l.code() + "-") || c.startsWith(l.code() + "_")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language a request should be answered in: an explicit {@code ?lang=}, then the
     * {@code lang} cookie a reader chose earlier, then Accept-Language by quality, then English.
     */
    public static Language of(Context ctx) {
        return parse(ctx.queryParam("lang"))
                .or(() -> parse(ctx.cookie("lang")))
                .or(() -> fromAcceptLanguage(ctx.header("Accept-Language")))
                .orElse(EN);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> l = parse(range.getRange());
                if (l.isPresent() && range.getWeight() > 0) {
                    return l;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // A broken Accept-Language is the client's problem, not a reason to fail the request.
        }
        return Optional.empty();
    }
}
