package org.commonground.statement;

import java.text.Normalizer;
import java.util.Locale;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;

/**
 * The rules every statement text obeys, wherever it comes from (a participant, an organizer's
 * seed, a Pol.is import, the demo): Unicode NFC, trimmed, 1–1,000 characters (code points), a
 * language guessed from the script when not declared, and a folded form that finds near-duplicates.
 */
public final class StatementText {
    public static final int MAX_LENGTH = 1000;

    private StatementText() {}

    /** NFC-normalized and trimmed text; throws {@link Invalid} (field {@code text}) if empty or too long. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw Invalid.field("text", "statement.text.empty");
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            throw Invalid.field("text", "statement.text.empty");
        }
        if (length > MAX_LENGTH) {
            throw Invalid.field("text", "statement.text.too-long", MAX_LENGTH, length);
        }
        return text;
    }

    /**
     * The language a text is most likely written in, from its script: any Hangul means Korean, any
     * kana means Japanese (Han characters alone are ambiguous, so they do not decide), anything else
     * falls back to English, which the author can correct.
     */
    public static Language detectLanguage(String text) {
        boolean kana = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HANGUL) {
                return Language.KO;
            }
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana = true;
            }
            i += Character.charCount(cp);
        }
        return kana ? Language.JA : Language.EN;
    }

    /**
     * The near-duplicate key: compatibility-normalized (full-width and half-width forms become one),
     * lower-cased, with white space, punctuation and symbols removed. Two texts with the same key
     * say the same thing for the purpose of refusing duplicates.
     */
    public static String fold(String text) {
        String compat = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(compat.length());
        compat.codePoints()
                .filter(cp -> Character.isLetterOrDigit(cp))
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
