package org.commonground.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.commonground.text.TextStore.StatementTexts;
import org.commonground.web.Language;

/**
 * Every statement of every conversation with its texts in each language, in an in-memory Lucene
 * index (rebuilt from the database at start; a few MB per 10,000 statements). Lucene finds
 * candidates; {@link Likeness} ranks them for the near-duplicate check. Writers are serialised by
 * the caller; readers run concurrently and see every write that returned.
 */
final class StatementIndex {
    /** Terms and grams taken from a query per language: keeps a 1,000-character query under Lucene's clause limit. */
    private static final int MAX_TERMS = 150;

    private static final Set<String> ALL_STATES = Set.of("accepted", "pending", "rejected");
    private static final int MAX_GRAMS = 150;
    /**
     * The check asks Lucene for candidates with the rarest grams and terms of the text only: a
     * frequent one (べき, 해야, should) is in thousands of statements and would make Lucene score
     * them all, while the rare ones already find every statement that can reach the threshold;
     * {@link Likeness} then compares whole texts.
     */
    private static final int SIMILAR_GRAMS = 12;

    private static final int SIMILAR_TERMS = 6;

    /** A statement as indexed, with its texts prepared for comparison. */
    record IndexedStatement(
            long id,
            long conversationId,
            Language original,
            String state,
            Map<Language, String> texts,
            Map<Language, Likeness.Features> features) {}

    /** A found statement; {@code score}: Lucene's BM25 for search, {@link Likeness} in [0, 1] for similar. */
    record Hit(IndexedStatement entry, double score) {}

    private final TextLanguages languages;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, IndexedStatement> entries = new ConcurrentHashMap<>();

    StatementIndex(TextLanguages languages) {
        this.languages = languages;
        try {
            // Each file read back as one buffer: a search clones its inputs for every term, and a
            // clone of a file kept as many small blocks copies a view of every block (most of what a
            // query allocated, and so of the collector's pauses).
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            // A buffer that holds the first read of 10,000 statements' texts whole (about 30 MB).
            writer =
                    new IndexWriter(directory, new IndexWriterConfig(languages.indexAnalyzer()).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail on I/O", e);
        }
    }

    int size() {
        return entries.size();
    }

    /** Who hears of statements put into or removed from the index, once searches see the change. */
    interface Changes {
        void changed(Collection<Long> statementIds);
    }

    private volatile Changes changes = ids -> {};

    void tell(Changes listener) {
        this.changes = listener;
    }

    /** The indexed statements of the conversation in one of {@code states}. */
    List<IndexedStatement> statements(long conversationId, Set<String> states) {
        List<IndexedStatement> out = new ArrayList<>();
        for (IndexedStatement e : entries.values()) {
            if (e.conversationId() == conversationId && states.contains(e.state())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The statement as indexed, if it is. */
    java.util.Optional<IndexedStatement> entry(long id) {
        return java.util.Optional.ofNullable(entries.get(id));
    }

    /** Adds or replaces these statements and makes them visible to the next search. */
    void put(Collection<StatementTexts> statements) {
        putUnseen(statements);
        publish();
    }

    /**
     * Adds or replaces these statements, visible to searches from the next {@link #publish}: the
     * first read at start publishes once at its end, so the index is written as one segment (one
     * flush of the writer's buffer) instead of one per batch, which searches would then look every
     * term up in, one by one.
     */
    void putUnseen(Collection<StatementTexts> statements) {
        try {
            for (StatementTexts s : statements) {
                Map<Language, Likeness.Features> features = new EnumMap<>(Language.class);
                Document doc = new Document();
                doc.add(new StringField("id", Long.toString(s.id()), Field.Store.NO));
                doc.add(new NumericDocValuesField("sid", s.id()));
                doc.add(new StringField("conversation", Long.toString(s.conversationId()), Field.Store.NO));
                doc.add(new StringField("state", s.state(), Field.Store.NO));
                s.texts().forEach((lang, text) -> {
                    Likeness.Features f = Likeness.of(languages, lang, text);
                    features.put(lang, f);
                    // The terms were cut once for the likeness features; the index takes them as they are.
                    doc.add(new TextField(TextLanguages.words(lang), String.join(" ", f.analyzed()), Field.Store.NO));
                    doc.add(new TextField(TextLanguages.grams(lang), String.join(" ", f.grams()), Field.Store.NO));
                });
                writer.updateDocument(new Term("id", Long.toString(s.id())), doc);
                entries.put(
                        s.id(),
                        new IndexedStatement(
                                s.id(),
                                s.conversationId(),
                                s.original(),
                                s.state(),
                                Map.copyOf(s.texts()),
                                Map.copyOf(features)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail on I/O", e);
        }
        changes.changed(statements.stream().map(StatementTexts::id).toList());
    }

    /** Makes every statement put so far visible to the next search. */
    void publish() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail on I/O", e);
        }
    }

    /** Forgets statements that no longer exist. */
    void remove(Collection<Long> ids) {
        try {
            for (long id : ids) {
                writer.deleteDocuments(new Term("id", Long.toString(id)));
                entries.remove(id);
            }
            searchers.maybeRefreshBlocking();
            changes.changed(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail on I/O", e);
        }
    }

    /**
     * Statements of the conversation in one of {@code states} matching the query in any language:
     * the query is analysed as Japanese, Korean and English alike and matched against the texts in
     * that language (original or translation), the best language counting. Best first.
     */
    List<Hit> search(long conversationId, Set<String> states, String query, int limit) {
        String folded = org.commonground.statement.StatementText.fold(query);
        return withSearcher(searcher -> {
            List<Query> perLanguage = new ArrayList<>();
            for (Language l : Language.values()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (Found f : lookUp(
                        searcher,
                        TextLanguages.words(l),
                        languages.terms(l, query).stream().limit(MAX_TERMS).toList())) {
                    any.add(f.query(), Occur.SHOULD);
                }
                // Grams find what the analyzer cut differently in the query and in the text (unknown names).
                BooleanQuery.Builder grams = new BooleanQuery.Builder();
                for (Found f : lookUp(
                        searcher,
                        TextLanguages.grams(l),
                        TextLanguages.foldedGrams(l, folded).stream()
                                .limit(MAX_GRAMS)
                                .toList())) {
                    grams.add(f.query(), Occur.SHOULD);
                }
                any.add(new BoostQuery(grams.build(), 0.3f), Occur.SHOULD);
                perLanguage.add(any.build());
            }
            return top(searcher, conversationId, states, new DisjunctionMaxQuery(perLanguage, 0f), limit);
        });
    }

    /**
     * A term of the index with its statistics, read once: the query made of it does not look the
     * term up again (each look-up builds a terms enumeration per segment).
     */
    private record Found(Term term, TermStates states) {
        Query query() {
            return new TermQuery(term, states);
        }
    }

    /** Those of {@code terms} that occur in the field, in their order, with one terms enumeration per segment for all. */
    private static List<Found> lookUp(IndexSearcher searcher, String field, Collection<String> terms)
            throws IOException {
        IndexReaderContext top = searcher.getTopReaderContext();
        List<LeafReaderContext> leaves = top.leaves();
        TermsEnum[] enums = new TermsEnum[leaves.size()];
        for (int i = 0; i < enums.length; i++) {
            Terms inLeaf = leaves.get(i).reader().terms(field);
            enums[i] = inLeaf == null ? null : inLeaf.iterator();
        }
        List<Found> out = new ArrayList<>();
        for (String t : terms) {
            BytesRef bytes = new BytesRef(t);
            TermStates states = null;
            for (int i = 0; i < enums.length; i++) {
                TermsEnum e = enums[i];
                if (e != null && e.seekExact(bytes)) {
                    if (states == null) {
                        states = new TermStates(top);
                    }
                    states.register(e.termState(), leaves.get(i).ord, e.docFreq(), e.totalTermFreq());
                }
            }
            if (states != null) {
                out.add(new Found(new Term(field, bytes), states));
            }
        }
        return out;
    }

    /** Up to {@code n} of the terms that occur in the field, rarest first. */
    private static List<Found> rarest(IndexSearcher searcher, String field, Collection<String> terms, int n)
            throws IOException {
        List<Found> present = new ArrayList<>(lookUp(searcher, field, terms));
        present.sort(Comparator.comparingInt(f -> f.states().docFreq())); // stable: ties keep the text's order
        return present.size() > n ? present.subList(0, n) : present;
    }

    private interface SearcherWork<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.with(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail on I/O", e);
        }
    }

    /** Statements of the conversation in one of {@code states} alike the text in {@code lang}, best first. */
    List<Hit> similar(
            long conversationId,
            Set<String> states,
            Language lang,
            Likeness.Features text,
            int candidates,
            double minimum,
            int limit) {
        List<Hit> found = withSearcher(searcher -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            rarest(searcher, TextLanguages.grams(lang), text.grams(), SIMILAR_GRAMS)
                    .forEach(f -> any.add(f.query(), Occur.SHOULD));
            rarest(searcher, TextLanguages.words(lang), text.analyzed(), SIMILAR_TERMS)
                    .forEach(f -> any.add(f.query(), Occur.SHOULD));
            return top(searcher, conversationId, states, any.build(), candidates);
        });
        List<Hit> ranked = new ArrayList<>();
        for (Hit hit : found) {
            Likeness.Features other = hit.entry().features().get(lang);
            if (other != null) {
                double score = Likeness.score(text, other);
                if (score >= minimum) {
                    ranked.add(new Hit(hit.entry(), score));
                }
            }
        }
        ranked.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparingLong(h -> h.entry().id()));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    private List<Hit> top(IndexSearcher searcher, long conversationId, Set<String> states, Query query, int limit)
            throws IOException {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(new TermQuery(new Term("conversation", Long.toString(conversationId))), Occur.FILTER);
        if (!states.containsAll(ALL_STATES)) {
            BooleanQuery.Builder inStates = new BooleanQuery.Builder();
            states.forEach(s -> inStates.add(new TermQuery(new Term("state", s)), Occur.SHOULD));
            filtered.add(inStates.build(), Occur.FILTER);
        }
        List<Hit> hits = new ArrayList<>();
        // Count no hits beyond the top ones: Lucene may then skip every document that cannot make the
        // top (block-max WAND) instead of scoring the first thousand matches of a common term in full.
        ScoreDoc[] docs = searcher.search(filtered.build(), new TopScoreDocCollectorManager(limit, limit)).scoreDocs;
        // In doc id order, as doc values are read forwards, segment by segment.
        ScoreDoc[] byDoc = docs.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
        Map<Integer, Long> ids = new java.util.HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        NumericDocValues values = null;
        int leaf = -1;
        for (ScoreDoc d : byDoc) {
            int at = ReaderUtil.subIndex(d.doc, leaves);
            if (at != leaf) {
                leaf = at;
                values = DocValues.getNumeric(leaves.get(at).reader(), "sid");
            }
            if (values.advanceExact(d.doc - leaves.get(at).docBase)) {
                ids.put(d.doc, values.longValue());
            }
        }
        for (ScoreDoc d : docs) {
            IndexedStatement entry = ids.containsKey(d.doc) ? entries.get(ids.get(d.doc)) : null;
            if (entry != null) {
                hits.add(new Hit(entry, d.score));
            }
        }
        return hits;
    }
}
