package org.commonground.web;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.commonground.problem.CommonGroundException.FieldError;

/**
 * The shared rule for short human texts in requests (titles, labels, names): Unicode NFC,
 * trimmed, a length in code points (what a reader counts, not UTF-16 units), and no control
 * characters except line breaks and tabs where multi-line text is allowed.
 */
public final class InputText {
    private InputText() {}

    /** Reads one language's fields of a given text into its clean form, adding an error per bad field. */
    public interface FieldsReader<T, R> {
        R read(T given, String field, List<FieldError> errors);
    }

    /**
     * Texts keyed by language code, as organizers send them: at least one
     * ({@code <what>.texts.missing}), each key exactly {@code ja}, {@code ko} or {@code en}
     * ({@code <what>.texts.language}), a missing entry an empty title; {@code read} cleans each
     * one's fields under {@code texts.<lang>}. A language with any error is left out.
     */
    public static <T, R> Map<Language, R> perLanguage(
            Map<String, T> raw, String what, List<FieldError> errors, FieldsReader<T, R> read) {
        Map<Language, R> texts = new EnumMap<>(Language.class);
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldError("texts", what + ".texts.missing"));
            return texts;
        }
        for (var entry : raw.entrySet()) {
            String field = "texts." + entry.getKey();
            Language lang = Language.parse(entry.getKey())
                    .filter(l -> l.code().equals(entry.getKey()))
                    .orElse(null);
            if (lang == null) {
                errors.add(new FieldError(field, what + ".texts.language"));
                continue;
            }
            if (entry.getValue() == null) {
                errors.add(new FieldError(field + ".title", "input.text.empty", 1));
                continue;
            }
            int before = errors.size();
            R text = read.read(entry.getValue(), field, errors);
            if (errors.size() == before) {
                texts.put(lang, text);
            }
        }
        return texts;
    }

    /**
     * The cleaned text, or null after adding a field error to {@code errors}. A null {@code raw}
     * counts as empty.
     */
    public static String clean(String raw, String field, int min, int max, boolean multiLine, List<FieldError> errors) {
        String text = raw == null
                ? ""
                : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            errors.add(new FieldError(field, min <= 1 ? "input.text.empty" : "input.text.too-short", min));
            return null;
        }
        if (length > max) {
            errors.add(new FieldError(field, "input.text.too-long", max, length));
            return null;
        }
        boolean control = text.codePoints()
                .anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                        && !(multiLine && (cp == '\n' || cp == '\r' || cp == '\t')));
        if (control) {
            errors.add(new FieldError(field, "input.text.control"));
            return null;
        }
        return text;
    }
}
