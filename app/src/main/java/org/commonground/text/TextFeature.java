package org.commonground.text;

import org.commonground.account.Authentication;
import org.commonground.conversation.Access;
import org.commonground.conversation.Readable;
import org.commonground.statement.StatementEvents;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * Search and near-duplicate detection in Japanese, Korean and English (docs/text.md): a Lucene
 * index of every statement and its translations, kept current from {@link #events()} and the
 * database, answering {@code /statements/search} and {@code /statements/similar}.
 */
public final class TextFeature {
    private final IndexedStatements indexed;
    private final StatementSearch search;
    private final Access access;
    private final Authentication authentication;

    private TextFeature(IndexedStatements indexed, StatementSearch search, Access access, Authentication authentication) {
        this.indexed = indexed;
        this.search = search;
        this.access = access;
        this.authentication = authentication;
    }

    /**
     * Wires the feature and starts reading every statement into the index in the background
     * (queries wait at most briefly for it, writes not at all). Hand {@link #events()} to the
     * statement feature, through which the statement, moderation and translation stores tell it of
     * their changes.
     */
    public static TextFeature wire(Jdbi jdbi, Access access, Authentication authentication) {
        TextLanguages languages = new TextLanguages();
        TextStore store = new TextStore(jdbi);
        IndexedStatements indexed = new IndexedStatements(store, new StatementIndex(languages));
        TextFeature feature = new TextFeature(indexed, new StatementSearch(indexed, store, languages), access, authentication);
        Thread.ofVirtual().name("text-index-rebuild").start(indexed::catchUp);
        return feature;
    }

    /** What the statement, moderation and translation stores tell after each change they commit. */
    public StatementEvents events() {
        return indexed;
    }

    /**
     * The search and similar-statements API and the "similar statements already exist" fragment of
     * the writing page; {@code participants} tells a participant of the conversation.
     */
    public void addTo(Api api, Pages pages, Readable readable, ParticipantCheck participants) {
        new TextRoutes(search, access, authentication, participants).addTo(api);
        new TextPages(pages, readable, participants, search).addTo(api.routes());
    }
}
