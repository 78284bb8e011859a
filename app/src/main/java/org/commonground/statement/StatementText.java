package org.commonground.statement;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;

/**
 * The rules every statement text obeys, wherever it comes from (a participant, an organizer's
 * seed, a Pol.is import, the demo): Unicode NFC, without bidi controls, trimmed, 1–1,000 characters
 * (code points), a language guessed from the script when not declared, and a folded form that finds
 * near-duplicates.
 */
public final class StatementText {
    public static final int MAX_LENGTH = 1000;

    // Confusable skeletons (UTS #39) make Cyrillic "а" and Latin "a" one letter for the duplicate
    // key. A built SpoofChecker is immutable and safe to share between threads.
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private StatementText() {}

    /** NFC-normalized and trimmed text; throws {@link Invalid} (field {@code text}) if empty or too long. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw Invalid.field("text", "statement.text.empty");
        }
        String text = withoutBidiControls(Normalizer.normalize(raw, Normalizer.Form.NFC))
                .strip();
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
     * The text without the invisible bidirectional controls (embeddings, overrides, isolates and
     * marks: U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C). Ja/ko/en statements need none, and
     * an unclosed right-to-left override would reverse what follows it on every page that shows the
     * statement, or make a statement look like another one.
     */
    public static String withoutBidiControls(String text) {
        if (text.chars().noneMatch(StatementText::isBidiControl)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !isBidiControl(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
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
     * Whether a text's letters contradict its declared language: Japanese mostly in Hangul, Korean
     * mostly in kana, English mostly in Hangul or kana. Han characters count for Japanese only
     * (Korean may use hanja, so they neither help nor hurt it); a quoted name in another script
     * ("独島（독도）は…") does not tip a text that is mostly in its own. Digits, punctuation and
     * symbols do not count.
     */
    public static boolean scriptContradicts(String text, Language declared) {
        int hangul = 0;
        int kana = 0;
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case LATIN -> latin++;
                default -> {}
            }
        }
        return switch (declared) {
            case JA -> hangul > kana + han;
            case KO -> kana > hangul;
            case EN -> hangul + kana + han > latin;
        };
    }

    /**
     * The near-duplicate key: compatibility-normalized (full-width and half-width forms become one),
     * lower-cased, reduced to its confusable skeleton (look-alike letters of other scripts become
     * one), with white space, punctuation and symbols removed. Two texts with the same key say the
     * same thing for the purpose of refusing duplicates.
     */
    public static String fold(String text) {
        // Marks are kept: the skeleton of the handakuten in "ぱ" is a combining ring that NFC does not
        // recompose, and "ぱん" is not "はん".
        // Lower-case before the skeleton ("I" and "l" share one, "i" does not), recompose after it
        // (it answers NFD, and a lone dakuten or accent would be dropped below), lower-case again
        // (the skeleton of "0" is "O").
        String compat = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String skeleton = Normalizer.normalize(SKELETONS.getSkeleton(compat), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(skeleton.length());
        skeleton.codePoints()
                .filter(cp -> Character.isLetterOrDigit(cp) || isMark(cp))
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
