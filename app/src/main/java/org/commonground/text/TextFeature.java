package org.commonground.text;

import org.commonground.account.Authentication;
import org.commonground.conversation.Access;
import org.commonground.conversation.Readable;
import org.commonground.moderation.NearDuplicates;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;

/**
 * Search and near-duplicate detection in Japanese, Korean and English (docs/text.md): a Lucene
 * index of every statement and its translations, kept current from the statement feature's events
 * and the database, answering {@code /statements/search} and {@code /statements/similar}.
 */
public final class TextFeature {
    private final StatementSearch search;
    private final AlikeStatements alike;
    private final Access access;
    private final Authentication authentication;

    private TextFeature(StatementSearch search, AlikeStatements alike, Access access, Authentication authentication) {
        this.search = search;
        this.alike = alike;
        this.access = access;
        this.authentication = authentication;
    }

    /**
     * Wires the feature, registers it with the statement feature (which tells it of every committed
     * write, moderation decision and translation) and starts reading every statement into the index
     * in the background (queries wait at most briefly for it, writes not at all).
     */
    public static TextFeature wire(
            StatementFeature statement, TranslationFeature translation, Access access, Authentication authentication) {
        TextLanguages languages = new TextLanguages();
        TextStore store = new TextStore(statement.statements(), translation.translations());
        IndexedStatements indexed = new IndexedStatements(store, new StatementIndex(languages));
        statement.tell(indexed);
        TextFeature feature = new TextFeature(
                new StatementSearch(indexed, store, languages), new AlikeStatements(indexed), access, authentication);
        Thread.ofVirtual().name("text-index-rebuild").start(indexed::catchUp);
        return feature;
    }

    /** Near-duplicates of queued statements, within and across languages, for the moderators' queue. */
    public NearDuplicates nearDuplicates() {
        return alike;
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
