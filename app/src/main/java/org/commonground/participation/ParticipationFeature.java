package org.commonground.participation;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.commonground.account.ParticipantTokens;
import org.commonground.conversation.CohortUse;
import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.ConversationFeature;
import org.commonground.moderation.AuthorCohorts;
import org.commonground.moderation.Duplicates;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.Secrets;
import org.commonground.web.Throttles;
import org.jdbi.v3.core.Jdbi;

/**
 * The participation feature's one public entry: joining, the next statement, votes and
 * participants' own statements. Higher features ask it who a request's participant is
 * ({@link #participantOf}) and what they voted ({@link #votes()}); they hear of every committed vote
 * by registering a {@link VoteListener} ({@link #tell}), which also ranks statements by
 * {@link Extremity}.
 */
public final class ParticipationFeature {
    private final ConversationFeature conversation;
    private final StatementFeature statement;
    private final TranslationFeature translation;
    private final MachineTranslations machineTranslations;
    private final Relay relay = new Relay();
    private final Participants participants;
    private final JoinLog joinLog;
    private final VoteStore votes;
    private final NextStatement next;
    private final Join join;
    private final ActivityStore activity;
    private final boolean secureCookies;
    private final Throttles throttles;

    private ParticipationFeature(
            Jdbi jdbi,
            int voteWriters,
            boolean secureCookies,
            Throttles throttles,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslations machineTranslations,
            Duplicates duplicates) {
        this.conversation = conversation;
        conversation.ask(cohortUse());
        this.statement = statement;
        this.translation = translation;
        this.machineTranslations = machineTranslations;
        this.participants = new Participants(jdbi);
        this.joinLog = new ParticipantStore(jdbi);
        this.votes = new VoteStore(jdbi, relay, voteWriters);
        this.next = new NextStatement(
                statement.statements(),
                votes,
                translation.shown(),
                relay,
                ThreadLocalRandom::current,
                conversation.clock(),
                duplicates);
        this.join = new Join(jdbi, conversation.invites());
        this.activity = new ActivityStore(jdbi, statement.statements());
        this.secureCookies = secureCookies;
        this.throttles = throttles;
    }

    /**
     * @param voteWriters         how many batches of votes may be written at once (see {@link VoteStore})
     * @param throttles           the quotas of joins, votes and statements, pages and API alike
     * @param machineTranslations the conversation texts and cohort values machine-translated for the join step
     * @param duplicates          statements moderators rejected as duplicates, whose voters are offered the original
     */
    public static ParticipationFeature wire(
            Jdbi jdbi,
            int voteWriters,
            boolean secureCookies,
            Throttles throttles,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslations machineTranslations,
            Duplicates duplicates) {
        return new ParticipationFeature(
                jdbi,
                voteWriters,
                secureCookies,
                throttles,
                conversation,
                statement,
                translation,
                machineTranslations,
                duplicates);
    }

    /** The authors' cohorts for the moderators' queue. */
    public AuthorCohorts authorCohorts() {
        return participants::cohortsOf;
    }

    /**
     * Tells {@code listener} of every vote from now on, and lets {@code extremity} rank the next
     * statements: how the live analysis, a higher feature, keeps current. Called once while wiring,
     * before the server takes requests.
     */
    public <T extends VoteListener & Extremity> void tell(T listener) {
        relay.listener = listener;
        relay.extremity = listener;
    }

    /** Whether a conversation has participants, for the conversation feature (and tools and tests that replace cohorts). */
    public static CohortUse cohortUse() {
        return ParticipantStore::any;
    }

    /** The id of the request's participant in the conversation, if it carries a valid token of it. */
    public Optional<Long> participantOf(Context ctx, long conversationId) {
        return participants.find(ctx, conversationId).map(Participant::id);
    }

    /**
     * Returns normally if the request carries a valid participant token of the conversation, else
     * throws 401 (no valid token), 403 (another conversation's) or 404 (no such conversation).
     */
    public void require(Context ctx, long conversationId) {
        participants.require(ctx, conversationId);
    }

    /** A returning participant of a dialogue joins one of its rounds with their earlier cohort answers (see {@link Join#rejoin}). */
    public Join.Joined rejoin(long conversationId, Map<String, String> earlierCohorts, Language language) {
        return join.rejoin(conversationId, earlierCohorts, language);
    }

    /** A new token for an existing participant (a returning person back in a round they were in); the old one stops working. */
    public String reissueToken(long participantId) {
        String token = Participants.TOKEN_PREFIX + Secrets.token();
        participants.replaceToken(participantId, Secrets.hash(token));
        return token;
    }

    /** The participant's cohort answers by dimension name, empty for an unknown participant. */
    public Map<String, String> cohortsOf(long participantId) {
        return participants.byId(participantId).map(participants::cohortsOf).orElse(Map.of());
    }

    /** The participant's public id (what the API shows instead of the key), if the participant exists. */
    public Optional<String> publicIdOf(long participantId) {
        return participants.byId(participantId).map(Participant::publicId);
    }

    /** The participant's preferred language, if the participant exists. */
    public Optional<Language> languageOf(long participantId) {
        return participants.byId(participantId).flatMap(p -> Language.parse(p.language()));
    }

    /** Lets this browser take part in the conversation as the token's participant (the cookie joining sets). */
    public void rememberInBrowser(Context ctx, long conversationId, String token) {
        ParticipantPages.rememberParticipant(ctx, conversationId, token, secureCookies);
    }

    /** Which bearer tokens are participants', for the account feature's CSRF check. */
    public ParticipantTokens tokens() {
        return participants;
    }

    /** Who a request's participant is, and their own records (the privacy feature's download and erasure). */
    public Participants participants() {
        return participants;
    }

    public Votes votes() {
        return votes;
    }

    /** When each participant joined and through which invite (the integrity feature's join bursts). */
    public JoinLog joinLog() {
        return joinLog;
    }

    /** Participants, votes and pending statements for the organizer's pages. */
    public ConversationActivity activity() {
        return activity;
    }

    public void addTo(Api api, Pages pages) {
        new ParticipantPages(
                        pages,
                        conversation.readable(),
                        join,
                        participants,
                        votes,
                        next,
                        statement.statements(),
                        conversation.invites(),
                        translation.shown(),
                        secureCookies,
                        machineTranslations,
                        throttles,
                        conversation.roundOf())
                .addTo(api.routes());
        new ParticipationRoutes(join, participants, votes, next, secureCookies, throttles).addTo(api);
        new StatementRoutes(new Authorship(statement.statements(), votes, participants, throttles)).addTo(api);
    }

    /** Forwards to the registered listener; a plain field read on the vote path, set once at wiring. */
    private static final class Relay implements VoteListener, Extremity {
        private volatile VoteListener listener = VoteListener.NONE;
        private volatile Extremity extremity = Extremity.NONE;

        @Override
        public void committed(long conversationId, long participantId, long statementId, int value, Instant castAt) {
            listener.committed(conversationId, participantId, statementId, value, castAt);
        }

        @Override
        public double of(long conversationId, long statementId) {
            return extremity.of(conversationId, statementId);
        }
    }
}
