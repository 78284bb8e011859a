package org.commonground.participation;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.commonground.account.ParticipantTokens;
import org.commonground.conversation.CohortUse;
import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.ConversationFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
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
            MachineTranslations machineTranslations) {
        this.conversation = conversation;
        conversation.ask(cohortUse());
        this.statement = statement;
        this.translation = translation;
        this.machineTranslations = machineTranslations;
        this.participants = new Participants(jdbi);
        this.votes = new VoteStore(jdbi, relay, voteWriters);
        this.next = new NextStatement(
                statement.statements(),
                votes,
                translation.shown(),
                relay,
                ThreadLocalRandom::current,
                conversation.clock());
        this.join = new Join(jdbi, conversation.invites());
        this.activity = new ActivityStore(jdbi, statement.statements());
        this.secureCookies = secureCookies;
        this.throttles = throttles;
    }

    /**
     * @param voteWriters         how many batches of votes may be written at once (see {@link VoteStore})
     * @param throttles           the quotas of joins, votes and statements, pages and API alike
     * @param machineTranslations the conversation texts and cohort values machine-translated for the join step
     */
    public static ParticipationFeature wire(
            Jdbi jdbi,
            int voteWriters,
            boolean secureCookies,
            Throttles throttles,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            MachineTranslations machineTranslations) {
        return new ParticipationFeature(
                jdbi, voteWriters, secureCookies, throttles, conversation, statement, translation, machineTranslations);
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

    /** Which bearer tokens are participants', for the account feature's CSRF check. */
    public ParticipantTokens tokens() {
        return participants;
    }

    public Votes votes() {
        return votes;
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
                        throttles)
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
