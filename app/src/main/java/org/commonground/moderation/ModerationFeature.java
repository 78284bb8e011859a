package org.commonground.moderation;

import org.commonground.conversation.ConversationFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/** The moderation feature's one public entry: the moderators' queue of statements, as pages and API. */
public final class ModerationFeature {
    private final ConversationFeature conversation;
    private final TranslationFeature translation;
    private final ModerationDesk moderation;

    private ModerationFeature(
            Jdbi jdbi, ConversationFeature conversation, StatementFeature statement, TranslationFeature translation) {
        this.conversation = conversation;
        this.translation = translation;
        this.moderation = new ModerationDesk(statement.moderationQueue());
    }

    public static ModerationFeature wire(
            Jdbi jdbi, ConversationFeature conversation, StatementFeature statement, TranslationFeature translation) {
        return new ModerationFeature(jdbi, conversation, statement, translation);
    }

    /**
     * The queue's pages and API; {@code near} and {@code authors} come from the text and
     * participation features above (near-duplicates, authors' cohorts).
     */
    public void addTo(Api api, Pages pages, NearDuplicates near, AuthorCohorts authors) {
        QueueEntries entries = new QueueEntries(moderation, translation.translations(), near, authors);
        new ModerationPages(pages, conversation.readable(), moderation, entries, conversation.access())
                .addTo(api.routes());
        new ModerationRoutes(moderation, entries, conversation.access()).addTo(api);
    }

    /** Statements rejected as duplicates and their originals, for routing their voters to the original. */
    public Duplicates duplicates() {
        return moderation::originals;
    }
}
