package org.commonground.privacy;

import java.time.Clock;
import org.commonground.conversation.ConversationFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.results.ResultsFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The privacy feature's one public entry: each conversation's privacy page (from its settings),
 * the organizer's erasure policy ({@code privacy_setting}), and a participant's download and
 * erasure of their own data, pages and API alike (docs/privacy.md). It sits above results, whose
 * live analysis it asks to recompute after an erasure.
 */
public final class PrivacyFeature {
    private final Privacy privacy;
    private final ConversationFeature conversation;
    private final ParticipationFeature participation;

    private PrivacyFeature(
            Jdbi jdbi,
            Clock clock,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslations machineTranslations,
            ParticipationFeature participation,
            ResultsFeature results) {
        this.conversation = conversation;
        this.participation = participation;
        this.privacy = new Privacy(
                new PrivacyStore(jdbi),
                conversation.conversations(),
                participation.participants(),
                statement.statements(),
                translation.shown(),
                machineTranslations,
                statement.events(),
                results::reload,
                clock);
    }

    public static PrivacyFeature wire(
            Jdbi jdbi,
            Clock clock,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslations machineTranslations,
            ParticipationFeature participation,
            ResultsFeature results) {
        return new PrivacyFeature(
                jdbi, clock, conversation, statement, translation, machineTranslations, participation, results);
    }

    public void addTo(Api api, Pages pages) {
        new PrivacyPages(pages, privacy, conversation.readable(), conversation.access(), participation.participants())
                .addTo(api.routes());
        new PrivacyRoutes(privacy, conversation.readable(), conversation.access(), participation.participants(), pages)
                .addTo(api);
    }
}
