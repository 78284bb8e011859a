package org.commonground.text;

import java.util.HashSet;
import java.util.Set;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;

/**
 * How alike two texts in one language are, as a score in [0, 1] (1: the same folded text).
 *
 * <p>Half of it is the Dice overlap of character n-grams of the folded text (width, case, spacing,
 * punctuation and confusable letters folded away), half the Dice overlap of analyzer terms (base
 * forms, stems, compound parts) enriched with concept terms from {@link ClaimSignals} (増やす and
 * 拡大 both count as "increase", 日韓 as Japan and Korea), so that a paraphrase with other words
 * still shares terms. That product of overlap is then cut when the texts, alike as they are, claim
 * different things: an odd negation on one side only, opposite stances, other countries or actors,
 * the same countries in swapped roles, other numbers. The factors were set on the labelled pairs (docs/text.md).
 */
final class Likeness {
    /** At or above this score, a statement is shown as "already said" (calibrated, docs/text.md). */
    static final double DUPLICATE = 0.47;

    // Each signal of another claim cuts the score so far that even a near-identical wording falls
    // below the threshold (0.95 × 0.3 < 0.3).
    static final double NEGATION_FACTOR = 0.3;
    static final double STANCE_FACTOR = 0.3;
    static final double NAMES_FACTOR = 0.3;
    static final double NUMBERS_FACTOR = 0.3;
    static final double ROLES_FACTOR = 0.3;
    /** One text names some of the other's countries or actors and leaves the rest out: often a paraphrase. */
    static final double SUBJECT_LEFT_OUT_FACTOR = 0.6;

    private Likeness() {}

    /**
     * A text prepared for comparison in its language: {@code analyzed} are the analyzer's terms,
     * {@code terms} those and the concept terms.
     */
    record Features(String folded, Set<String> grams, Set<String> analyzed, Set<String> terms, ClaimSignals signals) {}

    static Features of(TextLanguages languages, Language lang, String text) {
        ClaimSignals signals = ClaimSignals.of(text);
        Set<String> analyzed = languages.terms(lang, text);
        Set<String> terms = new HashSet<>(analyzed);
        int[] stances = signals.stances();
        for (int i = 0; i < stances.length; i++) {
            if (stances[i] == 1 || stances[i] == 2) {
                terms.add("\u0000stance" + i + "." + stances[i]);
            }
        }
        for (int i = 0; i < ClaimSignals.NAMES.size(); i++) {
            if ((signals.names() & (1L << i)) != 0) {
                terms.add("\u0000name" + i);
            }
        }
        String folded = StatementText.fold(text);
        return new Features(folded, TextLanguages.foldedGrams(lang, folded), analyzed, Set.copyOf(terms), signals);
    }

    static double score(Features a, Features b) {
        if (a.folded().equals(b.folded())) {
            return 1.0;
        }
        double chars = dice(a.grams(), b.grams());
        double words = a.terms().isEmpty() || b.terms().isEmpty() ? chars : dice(a.terms(), b.terms());
        double score = 0.5 * chars + 0.5 * words;
        ClaimSignals x = a.signals();
        ClaimSignals y = b.signals();
        if (x.negated() != y.negated()) {
            score *= NEGATION_FACTOR;
        }
        if (x.contradictsStance(y)) {
            score *= STANCE_FACTOR;
        }
        int names = x.namesDisagree(y);
        if (names > 0) {
            score *= names == 1 ? SUBJECT_LEFT_OUT_FACTOR : NAMES_FACTOR;
        }
        if (x.numbersDiffer(y)) {
            score *= NUMBERS_FACTOR;
        }
        if (x.swapsCountries(y)) {
            score *= ROLES_FACTOR;
        }
        return Math.min(score, 0.999); // 1.0 is kept for the same folded text
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String s : small) {
            if (large.contains(s)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
