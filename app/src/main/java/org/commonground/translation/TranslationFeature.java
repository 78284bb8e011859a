package org.commonground.translation;

import org.commonground.conversation.ConversationFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.web.Api;
import org.commonground.web.CohortLabels;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The translation feature's one public entry: human (and approved machine) translations of
 * statements. Other features ask it which text a reader sees ({@link #shown()}) and what has been
 * proposed for a statement ({@link #translations()}).
 */
public final class TranslationFeature {
    private final ConversationFeature conversation;
    private final TranslationStore translations;
    private final IntoLanguages intoLanguages;
    private final GlossaryStore glossaries;
    private final CohortLabelStore cohortLabels;

    private TranslationFeature(Jdbi jdbi, ConversationFeature conversation, StatementFeature statement) {
        this.conversation = conversation;
        this.translations = new TranslationStore(jdbi, statement.events());
        this.intoLanguages = new IntoLanguages(conversation.access(), conversation.conversations());
        this.glossaries = new GlossaryStore(jdbi);
        this.cohortLabels = new CohortLabelStore(jdbi);
    }

    /** What readers call the organizer's own cohort values, for every page of a conversation. */
    public CohortLabels cohortLabels() {
        return cohortLabels::of;
    }

    public static TranslationFeature wire(Jdbi jdbi, ConversationFeature conversation, StatementFeature statement) {
        return new TranslationFeature(jdbi, conversation, statement);
    }

    public ShownStatements shown() {
        return translations;
    }

    public Translations translations() {
        return translations;
    }

    public void addTo(Api api, Pages pages) {
        new TranslationPages(
                        pages,
                        conversation.readable(),
                        translations,
                        conversation.access(),
                        intoLanguages,
                        glossaries::of,
                        cohortLabels)
                .addTo(api.routes());
        new TranslationRoutes(translations, conversation.access(), intoLanguages, cohortLabels).addTo(api);
    }
}
