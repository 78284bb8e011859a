package org.commonground.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;

/**
 * How each language is cut into terms: Kuromoji for Japanese (base forms, no particles or
 * auxiliaries), Nori for Korean (compounds split, particles and endings dropped), Lucene's English
 * analyzer (standard tokenizer, stop words, Porter stems) for English; and, for the near-duplicate
 * check, character n-grams of the folded text, which need no word boundaries and survive spacing
 * differences that Japanese and Korean writers make freely.
 *
 * <p>Analyzers are thread-safe (Lucene reuses token streams per thread).
 */
final class TextLanguages {
    /** Field names: analyzed words, folded character n-grams, the shown text, the analyzed terms as stored. */
    static String words(Language l) {
        return "words_" + l.code();
    }

    static String grams(Language l) {
        return "grams_" + l.code();
    }

    static String shown(Language l) {
        return "text_" + l.code();
    }

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    // Every field is indexed from terms or grams cut beforehand (StatementIndex#put), space-separated.
    private final Analyzer preCut = new WhitespaceAnalyzer();

    TextLanguages() {
        analyzers.put(Language.JA, new JapaneseAnalyzer());
        analyzers.put(Language.KO, new KoreanAnalyzer());
        analyzers.put(Language.EN, new EnglishAnalyzer());
    }

    /** The analyzer of the index writer: the fields hold terms already cut, separated by spaces. */
    Analyzer indexAnalyzer() {
        return preCut;
    }

    /** The distinct terms of the text in its language, in order of first appearance (compound parts only). */
    Set<String> terms(Language l, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzers.get(l).tokenStream(words(l), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionLengthAttribute span = stream.addAttribute(PositionLengthAttribute.class);
            stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                // Kuromoji's and Nori's compound tokens span several positions; their parts are kept.
                if (span.getPositionLength() == 1) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail on I/O", e);
        }
        return terms;
    }

    /**
     * Character n-grams of the folded text (case, width, punctuation and look-alike letters folded
     * away): bigrams for Japanese and Korean, where two characters already carry a word, trigrams
     * for English, where bigrams of letters match almost anything.
     */
    static Set<String> charGrams(Language l, String text) {
        return foldedGrams(l, StatementText.fold(text));
    }

    /** As {@link #charGrams} of a text already folded: the fold (ICU skeleton) is the costly part, done once per text. */
    static Set<String> foldedGrams(Language l, String folded) {
        int n = l == Language.EN ? 3 : 2;
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = folded.codePoints().toArray();
        if (cps.length > 0 && cps.length < n) {
            grams.add(folded);
        }
        for (int i = 0; i + n <= cps.length; i++) {
            grams.add(new String(cps, i, n));
        }
        return grams;
    }
}
