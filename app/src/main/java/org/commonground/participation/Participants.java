package org.commonground.participation;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.account.Authentication;
import org.commonground.account.ParticipantTokens;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Unauthorized;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is taking part, from a request. A participant proves who they are with the secret token
 * issued at join ({@value #TOKEN_PREFIX}…), sent as {@code Authorization: Bearer} or in the
 * per-conversation cookie {@link #cookieName}. Only the SHA-256 of a token is stored.
 */
public final class Participants implements ParticipantTokens {
    public static final String TOKEN_PREFIX = "cgp_";
    /** How long a browser keeps the participant cookie (the privacy page says so). */
    public static final int COOKIE_DAYS = 365;

    private final ParticipantStore store;

    public Participants(Jdbi jdbi) {
        this.store = new ParticipantStore(jdbi);
    }

    /** The cookie carrying the participant token of one conversation (one person may join several). */
    public static String cookieName(long conversationId) {
        return "cg_participant_" + conversationId;
    }

    /** The participant secret the request carries for this conversation, if any. */
    public static Optional<String> secret(Context ctx, long conversationId) {
        Optional<String> bearer = Authentication.bearer(ctx).filter(t -> t.startsWith(TOKEN_PREFIX));
        if (bearer.isPresent()) {
            return bearer;
        }
        return Optional.ofNullable(ctx.cookie(cookieName(conversationId))).filter(t -> t.startsWith(TOKEN_PREFIX));
    }

    /** The participant of this conversation the request speaks for; 401 without a valid token, 403 for another conversation's. */
    public Participant require(Context ctx, long conversationId) {
        Optional<Participant> p = secret(ctx, conversationId).flatMap(store::byToken);
        if (p.isPresent() && p.get().conversationId() == conversationId) {
            return p.get();
        }
        // Only on refusal: an unknown conversation is a 404 whatever the token says.
        store.rules(conversationId);
        throw p.isPresent() ? otherConversation() : tokenRequired();
    }

    /** As {@link #require(Context, long)}, in an open conversation only (409 draft or closed, 410 archived). */
    public Participant requireInOpen(Context ctx, long conversationId) {
        store.rules(conversationId).requireOpen();
        return require(ctx, conversationId);
    }

    /**
     * Every participant's pseudonym in the conversation, by participant id: how public answers
     * (results JSON, the API) name participants instead of by the platform-wide ids staff see.
     */
    public Map<Long, String> publicIds(long conversationId) {
        return store.publicIds(conversationId);
    }

    /**
     * When a participant joined, whether through an invite link, and their cohort answers by
     * dimension name (in declared order).
     */
    public record Joining(Instant joinedAt, boolean throughInvite, Map<String, String> cohorts) {}

    /** One vote as cast (a change of vote is a later one on the same statement). */
    public record PastVote(long statementId, Vote value, Instant castAt) {}

    public Joining joining(Participant p) {
        return store.joining(p);
    }

    /** Every vote the participant cast, changes of vote included, oldest first. */
    public List<PastVote> voteHistory(Participant p) {
        return store.voteHistory(p);
    }

    /** Of these statements, those someone other than the participant has a vote on now; in the caller's transaction. */
    public static Set<Long> votedOnByOthers(Handle h, long participantId, Collection<Long> statementIds) {
        return ParticipantStore.votedOnByOthers(h, participantId, statementIds);
    }

    /**
     * Deletes the participant, their cohort answers and all their votes, in the caller's
     * transaction; their token stops working. The statements they wrote must have been deleted or
     * left without author first.
     */
    public static void erase(Handle h, long participantId) {
        ParticipantStore.erase(h, participantId);
    }

    /** A participant of an imported record: its id there, and when it first acted. */
    public record ImportedParticipant(String externalId, Instant createdAt) {}

    /** An imported participant's answer for one cohort dimension. */
    public record ImportedAnswer(long participantId, long dimensionId, String value) {}

    /** Loads imported participants (COPY) in the importing transaction; answers their ids by external id. */
    public static Map<String, Long> insertImported(Handle h, long conversationId, List<ImportedParticipant> people) {
        return ImportedParticipationStore.insertParticipants(h, conversationId, people);
    }

    /** Loads imported participants' cohort answers (COPY) in the importing transaction. */
    public static void insertImportedAnswers(Handle h, List<ImportedAnswer> answers) {
        ImportedParticipationStore.insertAnswers(h, answers);
    }

    /**
     * How many of the conversation's votes and cohort answers refer outside it: a vote by someone
     * not its participant or on a statement not among {@code statementIds}; an answer that is not one
     * of the pairs ({@code dimensionIds[i]}, {@code values[i]}). What skipped foreign keys would have
     * caught, and more.
     */
    public static long danglingImported(
            Handle h, long conversationId, long[] statementIds, long[] dimensionIds, String[] values) {
        return ImportedParticipationStore.dangling(h, conversationId, statementIds, dimensionIds, values);
    }

    /** The conversation's participants by id, ascending, with their external ids (null if none), in the caller's transaction. */
    public static Map<Long, String> externalIds(Handle h, long conversationId) {
        return ParticipantStore.externalIds(h, conversationId);
    }

    /**
     * Every cohort answer of the conversation's participants: participant → dimension id → value,
     * participants ascending, in the caller's transaction.
     */
    public static Map<Long, Map<Long, String>> cohortAnswers(Handle h, long conversationId) {
        return ParticipantStore.cohortAnswers(h, conversationId);
    }

    /** The vote events the participant cast (changes of vote included), in the caller's transaction. */
    public static int voteEvents(Handle h, long participantId) {
        return ParticipantStore.voteEvents(h, participantId);
    }

    /** The participant's cohort value per dimension, in the order the organizer declared the dimensions. */
    public Map<String, String> cohortsOf(Participant p) {
        return store.cohortsOf(p);
    }

    /** Per participant of the conversation among {@code ids}, its cohort value by dimension name. */
    public Map<Long, Map<String, String>> cohortsOf(long conversationId, java.util.Collection<Long> ids) {
        return store.cohortsOf(conversationId, ids);
    }

    /** The participant of this conversation the request speaks for, if it carries a valid token of it. */
    public Optional<Participant> find(Context ctx, long conversationId) {
        return secret(ctx, conversationId).flatMap(store::byToken).filter(p -> p.conversationId() == conversationId);
    }

    Optional<Participant> byId(long participantId) {
        return store.byId(participantId);
    }

    void replaceToken(long participantId, String tokenHash) {
        store.replaceToken(participantId, tokenHash);
    }

    /** Whether {@code secret} is the token of a participant of any conversation. */
    @Override
    public boolean known(String secret) {
        return secret.startsWith(TOKEN_PREFIX) && store.byToken(secret).isPresent();
    }

    static Unauthorized tokenRequired() {
        return new Unauthorized("participant-token-required", "problem.participant-token-required");
    }

    static Forbidden otherConversation() {
        return new Forbidden("not-a-participant", "problem.not-a-participant");
    }

    /**
     * Sets imported participants' language from their value of one cohort dimension (the demo: JP
     * reads Japanese, KR Korean, anyone else English), in the importing transaction.
     */
    public static void languagesByCohort(
            Handle h, long dimensionId, Map<String, Language> byValue, Language otherwise) {
        ParticipantStore.languagesByCohort(h, dimensionId, byValue, otherwise);
    }
}
