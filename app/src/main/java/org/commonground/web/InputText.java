package org.commonground.web;

import java.text.Normalizer;
import java.util.List;
import org.commonground.problem.CommonGroundException.FieldError;

/**
 * The shared rule for short human texts in requests (titles, labels, names): Unicode NFC,
 * trimmed, a length in code points (what a reader counts, not UTF-16 units), and no control
 * characters except line breaks and tabs where multi-line text is allowed.
 */
public final class InputText {
    private InputText() {}

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
