package org.commonground.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
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
 * <p>Lucene keeps an analyzer's token streams per thread, which the server's virtual threads (one
 * per request) never reuse: each request would build Kuromoji's or Nori's tokenizer anew. So the
 * analyzers here hold their token streams themselves and are lent to one caller at a time from a
 * small pool per language.
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

    /** Analyzers kept per language beyond which a returned one is dropped (more than the cores ever use at once). */
    private static final int POOLED = 8;

    private final Map<Language, Lent> analyzers = new EnumMap<>(Language.class);
    // Every field is indexed from terms or grams cut beforehand (StatementIndex#put), space-separated.
    private final Analyzer preCut = new WhitespaceAnalyzer();

    TextLanguages() {
        analyzers.put(Language.JA, new Lent(JapaneseAnalyzer::new));
        analyzers.put(Language.KO, new Lent(KoreanAnalyzer::new));
        analyzers.put(Language.EN, new Lent(EnglishAnalyzer::new));
    }

    /** The analyzer of the index writer: the fields hold terms already cut, separated by spaces. */
    Analyzer indexAnalyzer() {
        return preCut;
    }

    /** The distinct terms of the text in its language, in order of first appearance (compound parts only). */
    Set<String> terms(Language l, String text) {
        Set<String> terms = new LinkedHashSet<>();
        Lent pool = analyzers.get(l);
        Analyzer analyzer = pool.borrow();
        try (TokenStream stream = analyzer.tokenStream(words(l), text)) {
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
        } finally {
            pool.giveBack(analyzer);
        }
        return terms;
    }

    /** A language's analyzers, each used by one caller at a time and keeping its token streams across calls. */
    private static final class Lent {
        private final Supplier<Analyzer> make;
        private final ConcurrentLinkedQueue<Analyzer> idle = new ConcurrentLinkedQueue<>();

        Lent(Supplier<Analyzer> make) {
            this.make = make;
        }

        Analyzer borrow() {
            Analyzer a = idle.poll();
            return a != null ? a : new Held(make.get());
        }

        void giveBack(Analyzer a) {
            if (idle.size() < POOLED) {
                idle.offer(a);
            }
        }
    }

    /** An analyzer whose token streams stay with it, not with the thread (lent to one caller at a time). */
    private static final class Held extends AnalyzerWrapper {
        private final Analyzer inner;

        Held(Analyzer inner) {
            super(new OwnStreams());
            this.inner = inner;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return inner;
        }
    }

    private static final class OwnStreams extends Analyzer.ReuseStrategy {
        private final Map<String, Analyzer.TokenStreamComponents> held = new HashMap<>();

        @Override
        public Analyzer.TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
            return held.get(fieldName);
        }

        @Override
        public void setReusableComponents(
                Analyzer analyzer, String fieldName, Analyzer.TokenStreamComponents components) {
            held.put(fieldName, components);
        }
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
