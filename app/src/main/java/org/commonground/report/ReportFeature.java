package org.commonground.report;

import org.commonground.conversation.ConversationFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.results.ResultsFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/** The report feature's one public entry: the results pages of a conversation and their downloads. */
public final class ReportFeature {
    private final Jdbi jdbi;
    private final ConversationFeature conversation;
    private final TranslationFeature translation;
    private final ParticipationFeature participation;
    private final ResultsFeature results;

    private ReportFeature(
            Jdbi jdbi,
            ConversationFeature conversation,
            TranslationFeature translation,
            ParticipationFeature participation,
            ResultsFeature results) {
        this.jdbi = jdbi;
        this.conversation = conversation;
        this.translation = translation;
        this.participation = participation;
        this.results = results;
    }

    public static ReportFeature wire(
            Jdbi jdbi,
            ConversationFeature conversation,
            TranslationFeature translation,
            ParticipationFeature participation,
            ResultsFeature results) {
        return new ReportFeature(jdbi, conversation, translation, participation, results);
    }

    public void addTo(Api api, Pages pages) {
        new ReportPages(
                        pages,
                        conversation.readable(),
                        results.readers(),
                        results.results(),
                        new ReportQueries(participation.votes()),
                        translation.shown(),
                        participation.votes(),
                        participation::participantOf,
                        participation.activity())
                .addTo(api.routes());
    }
}
