package org.commonground.text;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonground.text.StatementIndex.Hit;
import org.commonground.text.StatementIndex.IndexedStatement;
import org.commonground.text.TextRoutes.FoundStatement;
import org.commonground.web.Language;

/**
 * Search and the near-duplicate check for one caller: brings the index up to date, asks it, and
 * for a caller who sees accepted statements only drops any hit the database no longer has as
 * accepted (the index may lag a decision made on another server by one event).
 */
final class StatementSearch {
    /** Lucene candidates re-scored by {@link Likeness} per check. */
    static final int CANDIDATES = 30;

    private final IndexedStatements indexed;
    private final TextStore store;
    private final TextLanguages languages;

    StatementSearch(IndexedStatements indexed, TextStore store, TextLanguages languages) {
        this.indexed = indexed;
        this.store = store;
        this.languages = languages;
    }

    List<SimilarStatement> similar(
            long conversationId, Set<String> states, Language lang, String text, double minimum, int limit) {
        indexed.catchUp();
        Likeness.Features features = Likeness.of(languages, lang, text);
        List<Hit> hits = visible(
                states, indexed.index().similar(conversationId, states, lang, features, CANDIDATES, minimum, limit));
        return hits.stream()
                .map(h -> new SimilarStatement(
                        h.entry().id(),
                        h.entry().texts().get(lang),
                        lang.code(),
                        Math.round(h.score() * 1000) / 1000.0,
                        h.entry().state()))
                .toList();
    }

    List<FoundStatement> search(long conversationId, Set<String> states, String query, Language reader, int limit) {
        indexed.catchUp();
        List<Hit> hits = visible(states, indexed.index().search(conversationId, states, query, limit));
        return hits.stream().map(h -> found(h.entry(), reader)).toList();
    }

    private static FoundStatement found(IndexedStatement e, Language reader) {
        Language shown = e.texts().containsKey(reader) ? reader : e.original();
        return new FoundStatement(
                e.id(), e.texts().get(shown), shown.code(), e.original().code(), e.state());
    }

    private List<Hit> visible(Set<String> states, List<Hit> hits) {
        if (states.contains("rejected") || hits.isEmpty()) {
            return hits;
        }
        Set<Long> accepted =
                store.acceptedAmong(hits.stream().map(h -> h.entry().id()).collect(Collectors.toSet()));
        return hits.stream().filter(h -> accepted.contains(h.entry().id())).toList();
    }
}
