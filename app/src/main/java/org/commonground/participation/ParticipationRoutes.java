package org.commonground.participation;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Map;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;
import org.commonground.web.Throttles;

/** Taking part: join, the next statement and votes. */
final class ParticipationRoutes {
    private static final int COOKIE_MAX_AGE_SECONDS = Participants.COOKIE_DAYS * 24 * 3600;

    private final Join join;
    private final Participants participants;
    private final VoteStore votes;
    private final NextStatement next;
    private final boolean secureCookies;
    private final Throttles throttles;

    ParticipationRoutes(
            Join join,
            Participants participants,
            VoteStore votes,
            NextStatement next,
            boolean secureCookies,
            Throttles throttles) {
        this.throttles = throttles;
        this.join = join;
        this.participants = participants;
        this.votes = votes;
        this.next = next;
        this.secureCookies = secureCookies;
    }

    /** A vote as sent: the statement and agree, disagree or pass. */
    public record CastVote(Long statementId, Vote value) {}

    /** The calling participant as they see themselves; {@code participant} is their pseudonym in the conversation. */
    public record Me(String participant, long conversationId, String language, Map<String, String> cohorts) {}

    public void addTo(Api api) {
        api.tag(
                "participation",
                "Taking part without an account: join a conversation, get the next statement, vote agree / disagree / pass");
        api.post("/api/v1/conversations/{conversationId}/participants")
                .id("join")
                .caller(Caller.ANYONE)
                .problems(409, 410, 429)
                .tag("participation")
                .summary(
                        "Join an open conversation (self-declared cohort values or an invite code); returns the participant token once. 429 with Retry-After past the joins quota of the client address, or of the invite link when one is given")
                .body(Join.JoinRequest.class)
                .returns(Join.Joined.class, 201)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Join.JoinRequest request = Requests.body(ctx, Join.JoinRequest.class);
                    throttles.join(ctx, request.invite());
                    Join.Joined joined = join.join(conversationId, request, Language.of(ctx));
                    Cookie cookie = new Cookie(
                            Participants.cookieName(conversationId),
                            joined.token(),
                            "/",
                            COOKIE_MAX_AGE_SECONDS,
                            secureCookies,
                            true,
                            null,
                            SameSite.LAX);
                    ctx.cookie(cookie);
                    ctx.status(201).json(joined);
                });

        api.get("/api/v1/conversations/{conversationId}/participants/me")
                .id("getParticipant")
                .caller(Caller.PARTICIPANT)
                .tag("participation")
                .summary("The calling participant: pseudonym, preferred language, cohort values")
                .returns(Me.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Participant p = participants.require(ctx, conversationId);
                    ctx.json(new Me(p.publicId(), p.conversationId(), p.language(), participants.cohortsOf(p)));
                });

        api.post("/api/v1/conversations/{conversationId}/votes")
                .id("castVote")
                .caller(Caller.PARTICIPANT)
                .problems(409, 410, 429)
                .tag("participation")
                .summary(
                        "Cast or change a vote (agree, disagree, pass); a 2xx means it is committed. 429 with Retry-After past the participant's vote quota")
                .body(CastVote.class)
                .returns(VoteStore.VoteView.class, 201)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    String secret = Participants.secret(ctx, conversationId).orElseThrow(Participants::tokenRequired);
                    CastVote vote = Requests.body(ctx, CastVote.class);
                    List<FieldError> errors = new java.util.ArrayList<>();
                    if (vote.statementId() == null) {
                        errors.add(new FieldError("statementId", "vote.statement.required"));
                    }
                    if (vote.value() == null) {
                        errors.add(new FieldError("value", "vote.value.invalid"));
                    }
                    if (!errors.isEmpty()) {
                        throw Invalid.fields(errors);
                    }
                    throttles.vote(secret);
                    ctx.status(201).json(votes.cast(conversationId, secret, vote.statementId(), vote.value()));
                });

        api.get("/api/v1/conversations/{conversationId}/next")
                .id("getNextStatement")
                .caller(Caller.PARTICIPANT)
                .problems(409, 410, 422)
                .tag("participation")
                .summary("The next statement to vote on, in the participant's language (or ?lang=), with progress")
                .returns(NextStatement.Next.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Participant p = participants.requireInOpen(ctx, conversationId);
                    String lang = p.language();
                    String asked = ctx.queryParam("lang");
                    if (asked != null) {
                        lang = Language.parse(asked)
                                .map(Language::code)
                                .orElseThrow(() -> Invalid.field("lang", "participant.language.invalid"));
                    }
                    ctx.json(next.next(p, lang));
                });
    }
}
