package org.commonground;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;
import javax.sql.DataSource;
import org.commonground.account.Access;
import org.commonground.account.Account;
import org.commonground.account.AccountRoutes;
import org.commonground.account.AccountStore;
import org.commonground.account.SignInAttempts;
import org.commonground.account.ApiTokenStore;
import org.commonground.account.Authentication;
import org.commonground.account.CsrfGuard;
import org.commonground.account.PasswordHashing;
import org.commonground.account.SessionStore;
import org.commonground.account.SignInPages;
import org.commonground.conversation.ConversationRoutes;
import org.commonground.conversation.ConversationStore;
import org.commonground.conversation.InviteRoutes;
import org.commonground.conversation.InviteStore;
import org.commonground.conversation.OrganizerPages;
import org.commonground.conversation.ResultsReaders;
import org.commonground.conversation.SeedStore;
import org.commonground.db.Database;
import org.commonground.moderation.ModerationPages;
import org.commonground.moderation.ModerationRoutes;
import org.commonground.moderation.ModerationStore;
import org.commonground.participation.Join;
import org.commonground.participation.NextStatement;
import org.commonground.participation.Participant;
import org.commonground.participation.ParticipantPages;
import org.commonground.participation.Participants;
import org.commonground.participation.ParticipationRoutes;
import org.commonground.participation.Tallies;
import org.commonground.participation.VoteStore;
import org.commonground.report.LiveAnalysis;
import org.commonground.report.ResultsRoutes;
import org.commonground.report.ReportPages;
import org.commonground.statement.StatementRoutes;
import org.commonground.statement.StatementStore;
import org.commonground.translation.IntoLanguages;
import org.commonground.translation.TranslationPages;
import org.commonground.translation.TranslationRoutes;
import org.commonground.translation.TranslationStore;
import org.commonground.web.Api;
import org.commonground.web.Assets;
import org.commonground.web.BodyEncoding;
import org.commonground.web.Csrf;
import org.commonground.web.Json;
import org.commonground.web.OpenApiDocument;
import org.commonground.web.Messages;
import org.commonground.web.Pages;
import org.commonground.web.Metrics;
import org.commonground.web.Problems;
import org.commonground.web.Readable;
import org.commonground.web.SecurityHeaders;
import org.commonground.web.Throttles;
import org.commonground.web.WebRoutes;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the whole product with plain constructors. This is the one seam tests reuse: they call
 * {@link #create} with a fresh test database and start the result on a random port.
 */
public final class App {
    private App() {}

    /** Answer of the health check. */
    public record Health(String status) {}

    /** Builds the server (not started). The caller owns the database and closes it after stopping. */
    public static Javalin create(AppConfig config, DataSource db) {
        return create(config, db, Clock.systemUTC());
    }

    /** As {@link #create(AppConfig, DataSource)}, with the clock of rate windows and sign-in throttling (tests move it). */
    public static Javalin create(AppConfig config, DataSource db, Clock clock) {
        Jdbi jdbi = Database.jdbi(db);
        Throttles throttles = new Throttles(config.abuseLimits(), clock);
        PasswordHashing hashing = PasswordHashing.pooled(config.abuseLimits().hashingThreads(), config.abuseLimits().hashingQueue());
        Messages messages = new Messages();
        Assets assets = new Assets();
        Csrf csrf = new Csrf(config.secureCookies());
        Pages pages = new Pages(messages, assets, csrf, config.secureCookies());
        Problems problems = new Problems(messages, config.maxBodyBytes(), pages);
        AccountStore accounts = new AccountStore(jdbi, hashing);
        SignInAttempts signInAttempts = new SignInAttempts(accounts, clock);
        SessionStore sessions = new SessionStore(jdbi);
        ApiTokenStore tokens = new ApiTokenStore(jdbi);
        Authentication authentication = new Authentication(accounts, sessions, tokens);
        Access access = new Access(authentication, jdbi);
        ConversationStore conversations = new ConversationStore(jdbi);
        Participants participants = new Participants(jdbi);
        InviteStore invites = new InviteStore(jdbi);
        ResultsReaders resultsReaders = new ResultsReaders(authentication, access,
                (ctx, conversationId) -> participants.find(ctx, conversationId).isPresent());
        Tallies tallies = new Tallies(jdbi, resultsReaders);
        LiveAnalysis analysis = LiveAnalysis.forServer(jdbi, config.analysisThreads());
        // Two batches in flight: one fills while the other waits for its WAL flush (docs/benchmarks.md).
        VoteStore votes = new VoteStore(jdbi, analysis, Integer.getInteger("commonground.vote.writers", 2));
        NextStatement nextStatement = new NextStatement(jdbi, analysis, ThreadLocalRandom::current);
        Join join = new Join(jdbi, invites);
        SeedStore seeds = new SeedStore(jdbi);
        StatementStore statements = new StatementStore(jdbi);
        ModerationStore moderation = new ModerationStore(jdbi);
        TranslationStore translations = new TranslationStore(jdbi);
        IntoLanguages intoLanguages = new IntoLanguages(access, conversations);
        return Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jetty.port = config.port();
            if (config.behindProxy()) {
                cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            }
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.startup.showJavalinBanner = false;
            cfg.events.serverStopped(analysis::close);
            cfg.events.serverStopped(hashing::close);
            problems.addTo(cfg.routes);
            new Metrics(db).addTo(cfg);
            BodyEncoding.addTo(cfg.routes);
            new CsrfGuard(authentication, participants::known).addTo(cfg.routes);
            SecurityHeaders.addTo(cfg.routes);
            csrf.addTo(cfg.routes);
            pages.addTo(cfg.routes);
            assets.addTo(cfg.routes);
            new WebRoutes(pages).addTo(cfg.routes);
            pages.identifySignedInWith(ctx -> authentication.account(ctx).map(Account::email).orElse(null));
            csrf.bindToSessionsWith(ctx -> authentication.session(ctx).map(SessionStore.Session::csrfToken));
            new SignInPages(pages, signInAttempts, sessions, throttles, csrf, config.secureCookies()).addTo(cfg.routes);
            new OrganizerPages(pages, conversations, seeds, invites, access, accounts, jdbi).addTo(cfg.routes);
            Readable readable = new Readable(conversations, access);
            new ReportPages(pages, readable, resultsReaders, analysis, jdbi,
                    (ctx, conversationId) -> participants.find(ctx, conversationId).map(Participant::id)).addTo(cfg.routes);
            new ParticipantPages(pages, readable, join, participants, votes,
                    nextStatement, statements, invites, jdbi,
                    config.secureCookies(), throttles).addTo(cfg.routes);
            new ModerationPages(pages, readable, moderation, translations, access).addTo(cfg.routes);
            new TranslationPages(pages, readable, translations, access, intoLanguages, jdbi).addTo(cfg.routes);
            Api api = new Api(cfg.routes);
            api.get("/api/v1/health").tag("operations").summary("Liveness and database check for load balancers")
                    .returns(Health.class).handle(ctx -> {
                        jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
                        ctx.json(new Health("ok"));
                    });
            // Feature routes register here, each through `api`.
            new AccountRoutes(accounts, signInAttempts, sessions, tokens, authentication, access, config.secureCookies(), throttles).addTo(api);
            new ConversationRoutes(conversations, seeds, authentication, access).addTo(api);
            new ParticipationRoutes(jdbi, join, participants, votes,
                    nextStatement, tallies, config.secureCookies(), throttles).addTo(api);
            new StatementRoutes(statements, participants, throttles).addTo(api);
            new ModerationRoutes(moderation, access).addTo(api);
            new TranslationRoutes(translations, access, intoLanguages, jdbi).addTo(api);
            new InviteRoutes(invites, access).addTo(api);
            new ResultsRoutes(analysis, tallies, Clock.systemUTC()).addTo(api);

            // Last: the document describes every endpoint registered above.
            api.get("/api/v1/openapi.json").tag("operations").summary("This OpenAPI 3.1 document")
                    .returns(Map.class).handle(ctx -> ctx.json(OpenApiDocument.of(api.operations())));
        });
    }
}
