package org.commonground.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles that depend on whether the word before them ends in a consonant (일본과 한국,
 * 미국이, 한국어로, 서울로). Message patterns write the pair after a placeholder, as in
 * {@code {1}과(와)} or {@code {0}(으)로}, and {@link #resolve} picks the form that fits the
 * argument actually shown; when the word's reading is not simple (a Latin word, kanji), the pair
 * stays, which is the form Korean software conventionally prints when it cannot know.
 */
public final class KoreanParticles {
    private KoreanParticles() {}

    /** A particle with its form after a final consonant, its form after a vowel, and the safe pair. */
    public enum Particle {
        SUBJECT("이", "가", "이(가)"),
        OBJECT("을", "를", "을(를)"),
        TOPIC("은", "는", "은(는)"),
        AND("과", "와", "과(와)"),
        TOWARD("으로", "로", "(으)로"),
        NAMED("이라는", "라는", "(이)라는");

        private final String afterConsonant;
        private final String afterVowel;
        private final String pair;

        Particle(String afterConsonant, String afterVowel, String pair) {
            this.afterConsonant = afterConsonant;
            this.afterVowel = afterVowel;
            this.pair = pair;
        }

        /** The pair as message patterns write it. */
        public String pair() {
            return pair;
        }
    }

    /** How the word ends when read aloud. */
    private enum Ending {
        VOWEL,
        RIEUL,
        CONSONANT,
        UNKNOWN
    }

    /** The particle after {@code word}: 일본 + AND → "과", 미국 + SUBJECT → "이", 서울 + TOWARD → "로". */
    public static String after(String word, Particle p) {
        return switch (ending(word)) {
            case VOWEL -> p.afterVowel;
            case RIEUL -> p == Particle.TOWARD ? p.afterVowel : p.afterConsonant;
            case CONSONANT -> p.afterConsonant;
            case UNKNOWN -> p.pair;
        };
    }

    // A placeholder, an optional closing quote, then one of the pairs. (After a closing bracket the
    // particle belongs to the word before the brackets: 참여자 3명(일본)이.)
    private static final Pattern PLACEHOLDER_PAIR =
            Pattern.compile("\\{(\\d+)}([”’\"'」』]?)(이\\(가\\)|을\\(를\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로|\\(이\\)라는)");

    /**
     * Replaces each pair that follows a placeholder in {@code pattern} by the form that fits that
     * argument's text; {@code shown[i]} is argument i as it will be printed.
     */
    static String resolve(String pattern, String[] shown) {
        Matcher m = PLACEHOLDER_PAIR.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String particle = m.group(3);
            if (i < shown.length) {
                particle = after(shown[i], of(particle));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("{" + m.group(1) + "}" + m.group(2) + particle));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Particle of(String pair) {
        for (Particle p : Particle.values()) {
            if (p.pair.equals(pair)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a particle pair: " + pair);
    }

    private static Ending ending(String word) {
        String w = word.strip().replaceAll("[”’\"'」』)\\]\\s.,!?]+$", "");
        if (w.isEmpty()) {
            return Ending.UNKNOWN;
        }
        char last = w.charAt(w.length() - 1);
        if (last >= 0xAC00 && last <= 0xD7A3) {
            int jongseong = (last - 0xAC00) % 28;
            return jongseong == 0 ? Ending.VOWEL : jongseong == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (w.endsWith("%p")) {
            return Ending.VOWEL; // 퍼센트포인트
        }
        if (last == '%') {
            return Ending.VOWEL; // 퍼센트
        }
        if (Character.isDigit(last)) {
            return number(w);
        }
        if (last >= 'A' && last <= 'Z' && w.matches(".*\\b[A-Z]{1,5}$")) {
            return letter(last);
        }
        return Ending.UNKNOWN;
    }

    /** A number read in Sino-Korean: 1 일, 3 삼, 10 십, 100 백, 1,000 천, 10,000 만, 0 영. */
    private static Ending number(String w) {
        String digits = w.replaceAll(".*?([0-9][0-9,]*)$", "$1").replace(",", "");
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(digits.length() - 1 - zeros) == '0') {
            zeros++;
        }
        if (zeros == digits.length()) {
            return Ending.CONSONANT; // 영
        }
        if (zeros > 0) {
            return Ending.CONSONANT; // 십, 백, 천, 만
        }
        return switch (digits.charAt(digits.length() - 1)) {
            case '1', '7', '8' -> Ending.RIEUL; // 일, 칠, 팔
            case '3', '6' -> Ending.CONSONANT; // 삼, 육
            default -> Ending.VOWEL; // 이, 사, 오, 구
        };
    }

    /** An acronym read by its letters' Korean names: 엘, 알 end in ㄹ; 엠, 엔 in a consonant. */
    private static Ending letter(char c) {
        return switch (c) {
            case 'L', 'R' -> Ending.RIEUL;
            case 'M', 'N' -> Ending.CONSONANT;
            default -> Ending.VOWEL; // 에이, 비, 씨, … 에스, 엑스
        };
    }
}
