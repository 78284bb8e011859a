package org.commonground.participation;

import org.commonground.conversation.ConversationRules;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Authentication;
import org.commonground.account.ParticipantTokens;
import org.commonground.web.Secrets;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Unauthorized;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is taking part, from a request. A participant proves who they are with the secret token
 * issued at join ({@value #TOKEN_PREFIX}…), sent as {@code Authorization: Bearer} or in the
 * per-conversation cookie {@link #cookieName}. Only the SHA-256 of a token is stored.
 */
public final class Participants implements ParticipantTokens {
    public static final String TOKEN_PREFIX = "cgp_";

    private final Jdbi jdbi;

    public Participants(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        return Optional.ofNullable(ctx.cookie(cookieName(conversationId)))
                .filter(t -> t.startsWith(TOKEN_PREFIX));
    }

    /** The participant of this conversation the request speaks for; 401 without a valid token, 403 for another conversation's. */
    public Participant require(Context ctx, long conversationId) {
        return jdbi.withHandle(h -> require(h, ctx, conversationId));
    }

    /** As {@link #require(Context, long)}, inside the caller's transaction. */
    public Participant require(Handle h, Context ctx, long conversationId) {
        Optional<Participant> p = secret(ctx, conversationId).flatMap(s -> byToken(h, s));
        if (p.isPresent() && p.get().conversationId() == conversationId) {
            return p.get();
        }
        // Only on refusal: an unknown conversation is a 404 whatever the token says.
        ConversationRules.load(h, conversationId);
        throw p.isPresent() ? otherConversation() : tokenRequired();
    }

    /** As {@link #require(Context, long)}, in an open conversation only (409 draft or closed, 410 archived). */
    public Participant requireInOpen(Context ctx, long conversationId) {
        return jdbi.withHandle(h -> {
            ConversationRules.load(h, conversationId).requireOpen();
            return require(h, ctx, conversationId);
        });
    }

    /** The participant's cohort value per dimension, in the order the organizer declared the dimensions. */
    public Map<String, String> cohortsOf(Participant p) {
        Map<String, String> cohorts = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT d.name, pc.value FROM participant_cohort pc
                JOIN cohort_dimension d ON d.id = pc.dimension_id
                WHERE pc.participant_id = :p ORDER BY d.position, d.id""")
                .bind("p", p.id())
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> cohorts.put(e.getKey(), e.getValue())));
        return cohorts;
    }

    /** The participant of this conversation the request speaks for, if it carries a valid token of it. */
    public Optional<Participant> find(Context ctx, long conversationId) {
        return secret(ctx, conversationId)
                .flatMap(s -> jdbi.withHandle(h -> byToken(h, s)))
                .filter(p -> p.conversationId() == conversationId);
    }

    /** Whether {@code secret} is the token of a participant of any conversation. */
    @Override
    public boolean known(String secret) {
        return secret.startsWith(TOKEN_PREFIX) && jdbi.withHandle(h -> byToken(h, secret)).isPresent();
    }

    static Optional<Participant> byToken(Handle h, String secret) {
        return h.createQuery("SELECT id, conversation_id, language FROM participant WHERE token_hash = :hash")
                .bind("hash", Secrets.hash(secret))
                .map((rs, c) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .findOne();
    }

    static Unauthorized tokenRequired() {
        return new Unauthorized("participant-token-required", "problem.participant-token-required");
    }

    static Forbidden otherConversation() {
        return new Forbidden("not-a-participant", "problem.not-a-participant");
    }
}
