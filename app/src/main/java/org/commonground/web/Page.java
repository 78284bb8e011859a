package org.commonground.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every template knows about the request it renders: the reader's language (and so the
 * messages), the CSRF token for its forms, the asset URLs, and where it is (for the language
 * switcher). Templates get all user-facing text through {@link #t}.
 *
 * @param path        the request path, for links back to the same page
 * @param otherQuery  the query string without {@code lang}, possibly empty
 * @param signedIn    the signed-in account's e-mail, or null for a visitor
 */
public record Page(
        Language lang,
        Messages messages,
        Assets assets,
        String csrf,
        String path,
        String otherQuery,
        String signedIn,
        Supplier<Map<String, String>> cohortLabels) {

    /** A page outside any conversation: cohort values are named by the product's messages only. */
    public Page(
            Language lang,
            Messages messages,
            Assets assets,
            String csrf,
            String path,
            String otherQuery,
            String signedIn) {
        this(lang, messages, assets, csrf, path, otherQuery, signedIn, Map::of);
    }

    /** The message {@code key} in the reader's language. */
    public String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    /**
     * A cohort value as readers know it: the product's name ("Japan" for country JP), else the
     * label people or the machine gave the organizer's own value in this conversation, else the
     * value itself.
     */
    public String cohort(String dimension, String value) {
        if (value == null) {
            return t("cohort.none");
        }
        String key = "cohort." + dimension + "." + value;
        if (messages.has(lang, key)) {
            return messages.get(lang, key);
        }
        return cohortLabels.get().getOrDefault(dimension + ":" + value, value);
    }

    /**
     * A cohort dimension's name as readers know it: the product's name ("Country" for country), else
     * the label people gave the organizer's own dimension in this conversation, else the name itself.
     */
    public String dimension(String name) {
        String key = "cohort.dimension." + name;
        if (messages.has(lang, key)) {
            return messages.get(lang, key);
        }
        return cohortLabels.get().getOrDefault(name, name);
    }

    public String asset(String name) {
        return assets.url(name);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** This page in another language; the server remembers the choice in the {@code lang} cookie. */
    public String langHref(Language l) {
        return path + "?" + (otherQuery.isEmpty() ? "" : otherQuery + "&") + "lang=" + l.code();
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(lang.locale()).format(n);
    }

    /** A share 0..1 as a whole percentage, such as {@code 42%}. */
    public String percent(double share) {
        return NumberFormat.getPercentInstance(lang.locale()).format(share);
    }

    /** A difference of two shares 0..1 in percentage points: 12 points, 12ポイント, 12%p. */
    public String points(double gap) {
        return t("number.points", Math.round(gap * 100));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
