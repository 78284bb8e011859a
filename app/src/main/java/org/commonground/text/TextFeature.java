package org.commonground.text;

import io.javalin.config.RoutesConfig;
import org.commonground.account.Access;
import org.commonground.account.Authentication;
import org.commonground.statement.StatementEvents;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.commonground.web.Readable;
import org.jdbi.v3.core.Jdbi;

/**
 * Search and near-duplicate detection in Japanese, Korean and English (docs/text.md): a Lucene
 * index of every statement and its translations, kept current from {@link #events()} and the
 * database, answering {@code /statements/search} and {@code /statements/similar}.
 */
public final class TextFeature {
    private final IndexedStatements indexed;
    private final StatementSearch search;
    private final TextRoutes routes;
    private final ParticipantCheck participants;

    private TextFeature(IndexedStatements indexed, StatementSearch search, TextRoutes routes, ParticipantCheck participants) {
        this.indexed = indexed;
        this.search = search;
        this.routes = routes;
        this.participants = participants;
    }

    /** Wires the feature and starts reading every statement into the index in the background. */
    public static TextFeature wire(Jdbi jdbi, Access access, Authentication authentication, ParticipantCheck participants) {
        TextLanguages languages = new TextLanguages();
        TextStore store = new TextStore(jdbi);
        IndexedStatements indexed = new IndexedStatements(store, new StatementIndex(languages));
        StatementSearch search = new StatementSearch(indexed, store, languages);
        TextFeature feature = new TextFeature(indexed, search, new TextRoutes(search, access, authentication, participants),
                participants);
        // Queries wait for this first read (they take the same lock), the server need not.
        Thread.ofVirtual().name("text-index-rebuild").start(indexed::catchUp);
        return feature;
    }

    /** What the statement, moderation and translation stores tell after each change they commit. */
    public StatementEvents events() {
        return indexed;
    }

    public void addTo(Api api) {
        routes.addTo(api);
    }

    /** The "similar statements already exist" fragment of the writing page. */
    public void addPagesTo(RoutesConfig pageRoutes, Pages pages, Readable readable) {
        new TextPages(pages, readable, participants, search).addTo(pageRoutes);
    }
}
