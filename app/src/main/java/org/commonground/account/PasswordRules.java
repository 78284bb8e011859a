package org.commonground.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonground.problem.CommonGroundException.FieldError;

/**
 * What a new password must be: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (code
 * points, so 12 Hangul or kana count as 12), not one of the 10,000 most common passwords
 * (bundled, {@code account/common-passwords.txt}) nor one of them with digits or symbols around
 * it, and not a pattern a guesser tries first: one character repeated, a short unit repeated, a run
 * like {@code abcdefghijkl} or {@code 123456789012}, or a keyboard row.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    /** The longest password accepted; every character of it counts (see {@link PasswordHashing}). */
    public static final int MAX_LENGTH = 256;

    private static final String[] KEYBOARD_ROWS = {
        "qwertyuiopasdfghjklzxcvbnm",
        "qwertzuiopasdfghjklyxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "zaq1xsw2cde3vfr4bgt5nhy6mju7"
    };
    private static final Set<String> COMMON = load("account/common-passwords.txt");

    private PasswordRules() {}

    /** Why {@code password} may not be used (a field error on {@code password}), or empty. */
    public static Optional<FieldError> check(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return error("account.password.weak", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            return error("account.password.too-long", MAX_LENGTH);
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (predictable(folded)) {
            return error("account.password.predictable");
        }
        if (common(folded)) {
            return error("account.password.common");
        }
        return Optional.empty();
    }

    private static Optional<FieldError> error(String key, Object... args) {
        return Optional.of(new FieldError("password", key, args));
    }

    static boolean predictable(String p) {
        int[] cp = p.codePoints().toArray();
        return cp.length > 0
                && (p.codePoints().distinct().count() < 4 || repeatedUnit(p) != null || run(cp) || onKeyboardRow(p));
    }

    /** A common password, or one with only digits, symbols or spaces before or after it, or repeated. */
    static boolean common(String p) {
        if (COMMON.contains(p)) {
            return true;
        }
        String core = stripNonLetters(p);
        if (core.codePointCount(0, core.length()) < 4) {
            return false;
        }
        String unit = repeatedUnit(core);
        return COMMON.contains(core) || (unit != null && COMMON.contains(unit));
    }

    private static String stripNonLetters(String p) {
        int start = 0;
        int end = p.length();
        while (start < end && !Character.isLetter(p.codePointAt(start))) {
            start += Character.charCount(p.codePointAt(start));
        }
        while (end > start && !Character.isLetter(p.codePointBefore(end))) {
            end -= Character.charCount(p.codePointBefore(end));
        }
        return p.substring(start, end);
    }

    /** The shortest unit that {@code p} is two or more copies of, or null. */
    private static String repeatedUnit(String p) {
        int i = (p + p).indexOf(p, 1);
        return i < p.length() ? p.substring(0, i) : null;
    }

    /** Each character one more (or one less) than the one before, digits wrapping 9→0 and 0→9. */
    private static boolean run(int[] cp) {
        if (cp.length < 3) {
            return false;
        }
        int step = step(cp[0], cp[1]);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < cp.length; i++) {
            if (step(cp[i - 1], cp[i]) != step) {
                return false;
            }
        }
        return true;
    }

    private static int step(int a, int b) {
        if (a == '9' && b == '0') {
            return 1;
        }
        if (a == '0' && b == '9') {
            return -1;
        }
        return b - a;
    }

    private static boolean onKeyboardRow(String p) {
        String reversed = new StringBuilder(p).reverse().toString();
        for (String row : KEYBOARD_ROWS) {
            String twice = row + row;
            if (twice.contains(p) || twice.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
