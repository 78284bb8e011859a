package org.commonground;

import io.javalin.Javalin;
import java.time.Clock;
import javax.sql.DataSource;
import org.commonground.account.AccountFeature;
import org.commonground.account.PasswordHashing;
import org.commonground.conversation.ConversationFeature;
import org.commonground.db.Database;
import org.commonground.db.HealthRoutes;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.embed.EmbedFeature;
import org.commonground.forum.ForumFeature;
import org.commonground.integrity.IntegrityFeature;
import org.commonground.integrity.SignalThresholds;
import org.commonground.mail.MailFeature;
import org.commonground.moderation.ModerationFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.polis.PolisFeature;
import org.commonground.privacy.PrivacyFeature;
import org.commonground.reminder.ReminderFeature;
import org.commonground.report.ReportFeature;
import org.commonground.results.ResultsFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.team.TeamFeature;
import org.commonground.text.TextFeature;
import org.commonground.translation.MachineTranslationFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.AbuseLimits;
import org.commonground.web.Api;
import org.commonground.web.Throttles;
import org.commonground.web.Web;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the whole product with plain constructors, one feature entry after another from the lowest
 * layer up (docs/architecture.md). This is the one seam tests reuse: they call {@link #create}
 * with a fresh test database and start the result on a random port.
 */
public final class App {
    private App() {}

    /** Builds the server (not started). The caller owns the database and closes it after stopping. */
    public static Javalin create(AppConfig config, DataSource db) {
        return create(config, db, Clock.systemUTC());
    }

    /** As {@link #create(AppConfig, DataSource)}, with the clock of rate windows, sign-in throttling and the machine translation queue (tests move it). */
    public static Javalin create(AppConfig config, DataSource db, Clock clock) {
        Web web = Web.wire(config.secureCookies(), config.maxBodyBytes());
        Features f = Features.wire(config, Database.jdbi(db), clock, web);
        return Javalin.create(cfg -> {
            cfg.events.serverStopped(f.results::close);
            cfg.events.serverStopped(f.hashing::close);
            cfg.events.serverStarted(f.machineTranslation::start);
            cfg.events.serverStopped(f.machineTranslation::close);
            cfg.events.serverStarted(f.mail::start);
            cfg.events.serverStopped(f.mail::close);
            cfg.events.serverStarted(f.reminder::start);
            cfg.events.serverStopped(f.reminder::close);
            Api api = web.addTo(
                    cfg,
                    config.port(),
                    config.network(),
                    config.trustedProxies(),
                    db,
                    routes -> f.account.guard(routes, web.pages(), f.participation.tokens()));
            HealthRoutes.addTo(api, db);
            f.account.addTo(api, web.pages());
            f.conversation.addTo(
                    api,
                    web.pages(),
                    f.statement.seeding(),
                    f.participation.activity(),
                    f.translation.seedTranslations(),
                    f.machineTranslation);
            f.translation.addTo(api, web.pages());
            f.machineTranslation.addTo(api, web.pages(), f.conversation);
            f.moderation.addTo(api, web.pages(), f.text.nearDuplicates(), f.participation.authorCohorts());
            f.participation.addTo(api, web.pages());
            f.text.addTo(api, web.pages(), f.conversation.readable(), f.participation::require);
            f.integrity.addTo(api, web.pages());
            f.results.addTo(api);
            f.privacy.addTo(api, web.pages());
            f.report.addTo(api, web.pages());
            f.forum.addTo(api, web.pages());
            f.polis.addTo(api);
            f.dialogue.addTo(api, web.pages(), web.messages());
            f.embed.addTo(api, web.pages(), f.participation.activity());
            f.team.addTo(api, web.pages());
            f.reminder.addTo(api, web.pages(), web.csrf());
            Web.document(api); // last: the OpenAPI document describes every endpoint registered above
        });
    }

    /** Every feature's entry, built with plain constructors from the lowest layer up; each takes the ones below it. */
    private record Features(
            PasswordHashing hashing,
            MailFeature mail,
            AccountFeature account,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslationFeature machineTranslation,
            ModerationFeature moderation,
            TextFeature text,
            ParticipationFeature participation,
            IntegrityFeature integrity,
            ResultsFeature results,
            PrivacyFeature privacy,
            ReportFeature report,
            ForumFeature forum,
            PolisFeature polis,
            DialogueFeature dialogue,
            EmbedFeature embed,
            TeamFeature team,
            ReminderFeature reminder) {
        static Features wire(AppConfig config, Jdbi jdbi, Clock clock, Web web) {
            AbuseLimits limits = config.abuseLimits();
            Throttles throttles = new Throttles(limits, clock);
            var hashing = PasswordHashing.pooled(limits.hashingThreads(), limits.hashingQueue());
            var mail = MailFeature.wire(jdbi, config.mail(), clock);
            var account = AccountFeature.wire(jdbi, clock, hashing, throttles, web.csrf(), config.secureCookies());
            var conversation = ConversationFeature.wire(jdbi, account);
            var statement = StatementFeature.wire(jdbi);
            var translation = TranslationFeature.wire(jdbi, conversation, statement);
            web.pages().labelCohortsWith(translation.cohortLabels());
            var machineTranslation =
                    MachineTranslationFeature.wire(jdbi, config.machineTranslation(), clock, web.messages());
            var moderation = ModerationFeature.wire(jdbi, conversation, statement, translation);
            var text = TextFeature.wire(statement, translation, conversation.access(), account.authentication());
            var participation = ParticipationFeature.wire(
                    jdbi,
                    config.voteWriters(),
                    config.secureCookies(),
                    throttles,
                    conversation,
                    statement,
                    translation,
                    machineTranslation,
                    moderation.duplicates());
            var integrity = IntegrityFeature.wire(
                    jdbi, conversation, statement, participation, SignalThresholds.fromEnvironment());
            var results = ResultsFeature.wire(
                    jdbi, config.analysisThreads(), account, conversation, participation, integrity);
            var privacy = PrivacyFeature.wire(
                    jdbi, clock, conversation, statement, translation, machineTranslation, participation, results);
            var report = ReportFeature.wire(jdbi, conversation, translation, participation, results);
            var forum = ForumFeature.wire(jdbi, clock, conversation, translation, results);
            var polis = PolisFeature.wire(jdbi, conversation);
            var dialogue = DialogueFeature.wire(
                    jdbi,
                    throttles,
                    config.secureCookies(),
                    account,
                    conversation,
                    statement,
                    translation,
                    participation,
                    results,
                    config.drafting(),
                    machineTranslation);
            var embed = EmbedFeature.wire(jdbi, conversation);
            var team = TeamFeature.wire(jdbi, clock, mail.outbox(), web.messages(), account, conversation, dialogue);
            var reminder = ReminderFeature.wire(
                    jdbi,
                    clock,
                    mail,
                    web.messages(),
                    account,
                    conversation,
                    statement,
                    translation,
                    participation,
                    dialogue);
            dialogue.whenRoundOpens(reminder::roundOpened);
            dialogue.whenDocumentPublished(reminder::documentPublished);
            return new Features(
                    hashing,
                    mail,
                    account,
                    conversation,
                    statement,
                    translation,
                    machineTranslation,
                    moderation,
                    text,
                    participation,
                    integrity,
                    results,
                    privacy,
                    report,
                    forum,
                    polis,
                    dialogue,
                    embed,
                    team,
                    reminder);
        }
    }
}
