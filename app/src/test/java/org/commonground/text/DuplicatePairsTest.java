package org.commonground.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commonground.text.TextStore.StatementTexts;
import org.commonground.web.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the near-duplicate check on the labelled pairs in
 * {@code text/duplicate-pairs.txt}: each existing statement (with its translation, when the pair
 * has one) is indexed in a conversation of its own, and the new statement is checked against it
 * through the same index query and score the API uses. Figures are in docs/text.md.
 */
class DuplicatePairsTest {
    record Pair(
            int line,
            boolean same,
            String kind,
            Language existingLang,
            String existing,
            Language translationLang,
            String translation,
            Language newLang,
            String text) {}

    record Scored(Pair pair, double score) {}

    record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        static Figures at(List<Scored> scored, double threshold) {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            for (Scored s : scored) {
                boolean flagged = s.score() >= threshold;
                if (s.pair().same()) {
                    if (flagged) tp++;
                    else fn++;
                } else {
                    if (flagged) fp++;
                    else tn++;
                }
            }
            return new Figures(tp, fp, fn, tn);
        }

        @Override
        public String toString() {
            return "precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)"
                    .formatted(precision(), recall(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    static List<Scored> scored;

    static List<Pair> pairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = DuplicatePairsTest.class.getResourceAsStream("/text/duplicate-pairs.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split(" \\| ", -1);
                assertThat(f).as("line %d", i + 1).hasSize(8);
                assertThat(f[0]).as("line %d", i + 1).isIn("same", "different");
                pairs.add(new Pair(
                        i + 1,
                        f[0].equals("same"),
                        f[1],
                        lang(f[2]),
                        f[3],
                        f[4].equals("-") ? null : lang(f[4]),
                        f[5].equals("-") ? null : f[5],
                        lang(f[6]),
                        f[7]));
            }
        }
        return pairs;
    }

    private static Language lang(String code) {
        return Language.parse(code).filter(l -> l.code().equals(code)).orElseThrow();
    }

    @BeforeAll
    static void scoreEveryPair() throws IOException {
        TextLanguages languages = new TextLanguages();
        StatementIndex index = new StatementIndex(languages);
        List<Pair> pairs = pairs();
        List<StatementTexts> statements = new ArrayList<>();
        for (Pair p : pairs) {
            Map<Language, String> texts = new EnumMap<>(Language.class);
            texts.put(p.existingLang(), p.existing());
            if (p.translationLang() != null) {
                texts.put(p.translationLang(), p.translation());
            }
            statements.add(new StatementTexts(p.line(), p.line(), p.existingLang(), "accepted", texts));
        }
        index.put(statements);
        scored = new ArrayList<>();
        for (Pair p : pairs) {
            List<StatementIndex.Hit> hits = index.similar(
                    p.line(),
                    Set.of("accepted"),
                    p.newLang(),
                    Likeness.of(languages, p.newLang(), p.text()),
                    StatementSearch.CANDIDATES,
                    0,
                    1);
            scored.add(new Scored(p, hits.isEmpty() ? 0 : hits.get(0).score()));
        }
    }

    @Test
    void theSetHasAtLeast300PairsOfEveryKind() {
        assertThat(scored).hasSizeGreaterThanOrEqualTo(300);
        assertThat(scored.stream().filter(s -> s.pair().same()).count()).isGreaterThanOrEqualTo(120);
        assertThat(scored.stream().filter(s -> !s.pair().same()).count()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void theDuplicateCheckKeepsItsPrecisionAndRecallOnTheLabelledPairs() {
        Figures figures = Figures.at(scored, Likeness.DUPLICATE);
        report(figures);

        assertThat(figures.precision()).as(figures.toString()).isGreaterThanOrEqualTo(0.88);
        assertThat(figures.recall()).as(figures.toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aPairAcrossLanguagesWithoutATranslationIsNeverFound() {
        assertThat(scored)
                .filteredOn(s -> s.pair().kind().equals("cross-untranslated"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.score()).isLessThan(Likeness.DUPLICATE));
    }

    /** Pairs in even / odd positions: the threshold is chosen on one half and reported on the other. */
    static List<Scored> half(int parity) {
        List<Scored> half = new ArrayList<>();
        for (int i = parity; i < scored.size(); i += 2) {
            half.add(scored.get(i));
        }
        return half;
    }

    /** The threshold (in steps of 0.01) with the best F1 on these pairs. */
    static double calibrated(List<Scored> pairs) {
        double best = 0;
        double bestF1 = -1;
        for (int step = 10; step <= 90; step++) {
            Figures f = Figures.at(pairs, step / 100.0);
            double f1 = 2 * f.precision() * f.recall() / Math.max(1e-9, f.precision() + f.recall());
            if (f1 > bestF1) {
                bestF1 = f1;
                best = step / 100.0;
            }
        }
        return best;
    }

    @Test
    void theThresholdIsTheOneCalibratedOnTheCalibrationHalf() {
        double threshold = calibrated(half(0));
        Figures heldOut = Figures.at(half(1), threshold);
        System.out.println("calibrated on the even half: " + threshold + "; odd half at it: " + heldOut);

        assertThat(Likeness.DUPLICATE).isCloseTo(threshold, org.assertj.core.data.Offset.offset(0.05));
        assertThat(heldOut.precision()).as(heldOut.toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.recall()).as(heldOut.toString()).isGreaterThanOrEqualTo(0.90);
    }

    private static void report(Figures overall) {
        System.out.println("duplicate check at threshold " + Likeness.DUPLICATE + ": " + overall);
        Map<String, List<Scored>> byKind = new TreeMap<>();
        scored.forEach(s ->
                byKind.computeIfAbsent(s.pair().kind(), k -> new ArrayList<>()).add(s));
        byKind.forEach((kind, list) -> {
            long flagged =
                    list.stream().filter(s -> s.score() >= Likeness.DUPLICATE).count();
            System.out.printf("  %-20s %3d pairs, %3d flagged%n", kind, list.size(), flagged);
        });
        for (double t = 0.20; t <= 0.701; t += 0.02) {
            System.out.printf("  threshold %.2f: %s%n", t, Figures.at(scored, t));
        }
        scored.stream()
                .filter(s -> s.pair().same() != (s.score() >= Likeness.DUPLICATE))
                .forEach(s -> System.out.printf(
                        "  miss line %d %s %.3f: %s / %s%n",
                        s.pair().line(),
                        s.pair().kind(),
                        s.score(),
                        s.pair().translation() != null
                                ? s.pair().translation()
                                : s.pair().existing(),
                        s.pair().text()));
    }
}
