package org.commonground.participation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Invites;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.Readable;
import org.commonground.conversation.RoundOf;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.TooManyRequests;
import org.commonground.statement.Statements;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.Throttles;

/**
 * What a participant sees: the conversation's landing page with the join step, voting one
 * statement at a time (each vote one small htmx request, or a plain form post without
 * JavaScript), writing a statement, and their earlier votes, which they may change.
 */
final class ParticipantPages {
    private static final int COOKIE_MAX_AGE_SECONDS = Participants.COOKIE_DAYS * 24 * 3600;

    private final Pages pages;
    private final Readable readable;
    private final Join join;
    private final Participants participants;
    private final VoteStore votes;
    private final NextStatement next;
    private final Authorship authorship;
    private final ShownStatements shown;
    private final Invites invites;
    private final boolean secureCookies;
    private final MachineTranslations machineTranslations;
    private final Throttles throttles;
    private final RoundOf roundOf;

    ParticipantPages(
            Pages pages,
            Readable readable,
            Join join,
            Participants participants,
            VoteStore votes,
            NextStatement next,
            Statements statements,
            Invites invites,
            ShownStatements shown,
            boolean secureCookies,
            MachineTranslations machineTranslations,
            Throttles throttles,
            RoundOf roundOf) {
        this.throttles = throttles;
        this.roundOf = roundOf;
        this.invites = invites;
        this.machineTranslations = machineTranslations;
        this.pages = pages;
        this.readable = readable;
        this.join = join;
        this.participants = participants;
        this.votes = votes;
        this.next = next;
        this.authorship = new Authorship(statements, votes, participants, throttles);
        this.shown = shown;
        this.secureCookies = secureCookies;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/c/{conversationId}", ctx -> landing(ctx, Map.of(), Map.of()));
        routes.post("/c/{conversationId}/join", this::join);
        routes.get("/c/{conversationId}/vote", this::votePage);
        routes.post("/c/{conversationId}/vote/{statementId}", this::vote);
        routes.post("/c/{conversationId}/statements", this::write);
        routes.get("/c/{conversationId}/my-votes", this::myVotes);
    }

    private void landing(Context ctx, Map<String, String> chosen, Map<String, String> errors) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        String invite = Optional.ofNullable(ctx.queryParam("invite")).orElse(ctx.formParam("invite"));
        Map<String, String> fixed = invite == null ? Map.of() : fixedBy(id, invite);
        List<CohortQuestion> questions = c.cohorts().stream()
                .map(d -> new CohortQuestion(d.name(), d.values(), fixed.get(d.name()), d.fixedByInvite()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        Optional<Conversation.Text> byMachine = machineTranslations.text(c, Language.of(ctx));
        model.put("text", byMachine.orElseGet(() -> Readable.text(c, Language.of(ctx))));
        model.put("textByMachine", byMachine.isPresent());
        model.put("machineTranslation", machineTranslations.service(id).orElse(null));
        model.put("cohortByMachine", machineTranslations.cohortValues(c, Language.of(ctx)));
        model.put("questions", questions);
        model.put("invite", invite == null ? "" : invite);
        model.put("joined", participants.find(ctx, id).isPresent());
        model.put("chosen", chosen);
        model.put("errors", errors);
        model.put("series", roundOf.of(id, Language.of(ctx)).orElse(null));
        pages.render(ctx, "participate/landing.jte", model);
    }

    /** The cohort values an invite code fixes, by dimension name (empty for an unknown code or another conversation's). */
    private Map<String, String> fixedBy(long conversationId, String code) {
        return invites.byCode(code.strip())
                .filter(i -> i.conversationId() == conversationId)
                .map(Invites.Invite::cohort)
                .orElse(Map.of());
    }

    /** The participant cookie of one conversation, as joining sets it. */
    static void rememberParticipant(Context ctx, long conversationId, String token, boolean secureCookies) {
        ctx.cookie(new Cookie(
                Participants.cookieName(conversationId),
                token,
                "/",
                COOKIE_MAX_AGE_SECONDS,
                secureCookies,
                true,
                null,
                SameSite.LAX));
    }

    private void join(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            String v = ctx.formParam("cohort_" + d.name());
            if (v != null && !v.isBlank()) {
                chosen.put(d.name(), v);
            }
        }
        String invite = Optional.ofNullable(ctx.formParam("invite"))
                .filter(s -> !s.isBlank())
                .orElse(null);
        Map<String, String> fixed = invite == null ? Map.of() : fixedBy(id, invite);
        Map<String, String> declared = new LinkedHashMap<>(chosen);
        fixed.keySet().forEach(declared::remove);
        try {
            throttles.join(ctx, invite);
            Join.Joined joined = join.join(
                    id,
                    new Join.JoinRequest(
                            declared, invite, null, Language.of(ctx).code()),
                    Language.of(ctx));
            rememberParticipant(ctx, id, joined.token(), secureCookies);
            ctx.redirect("/c/" + id + "/vote");
        } catch (Invalid e) {
            ctx.status(e.status());
            landing(ctx, chosen, fieldErrors(e, pages.page(ctx)));
        } catch (TooManyRequests e) {
            Throttles.refused(ctx, e);
            landing(ctx, chosen, fieldErrors(e, pages.page(ctx)));
        }
    }

    /** Field errors keyed by the form's field names (cohort_country …), in the reader's language. */
    private static Map<String, String> fieldErrors(CommonGroundException e, Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("form", page.t(e.messageKey(), e.args()));
        for (CommonGroundException.FieldError f : e.fieldErrors()) {
            out.merge(
                    f.field().replace("cohorts.", "cohort_"),
                    page.t(f.messageKey(), shownArgs(f, page)),
                    (a, b) -> a + " " + b);
        }
        return out;
    }

    /** A cohort error's arguments as readers know them: the dimension's and the value's names, not their codes. */
    private static Object[] shownArgs(CommonGroundException.FieldError f, Page page) {
        Object[] args = f.args().clone();
        if (!f.field().startsWith("cohorts.") || args.length == 0 || !(args[0] instanceof String dimension)) {
            return args;
        }
        args[0] = page.dimension(dimension);
        if (f.messageKey().equals("cohort.value.fixed-by-invite") && args.length > 1 && args[1] instanceof String v) {
            args[1] = page.cohort(dimension, v);
        }
        return args;
    }

    /** The participant of this conversation, or a redirect to its landing page to join first. */
    private Optional<Participant> participantOrJoin(Context ctx, long id) {
        Optional<Participant> p = participants.find(ctx, id);
        if (p.isEmpty()) {
            ctx.redirect("/c/" + id);
        }
        return p;
    }

    private void votePage(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        Optional<Participant> p = participantOrJoin(ctx, id);
        if (p.isEmpty()) {
            return;
        }
        Map<String, Object> model = cardModel(c, p.get(), Language.of(ctx));
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("write", Map.of());
        model.put("series", roundOf.of(c.id(), Language.of(ctx)).orElse(null));
        pages.render(ctx, "participate/vote.jte", model);
    }

    private Map<String, Object> cardModel(Conversation c, Participant p, Language lang) {
        NextStatement.Next n = next.next(p, lang.code());
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("next", n);
        model.put("open", c.state() == ConversationState.OPEN);
        model.put("canWrite", c.participantsCanWrite() && c.state() == ConversationState.OPEN);
        model.put("preModerated", c.moderationMode() == ModerationMode.PRE);
        model.put("notice", "");
        return model;
    }

    private void vote(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long statementId = PathIds.of(ctx, "statementId");
        Vote value = Vote.parse(ctx.formParam("value"));
        if (value == null) {
            throw Invalid.field("value", "vote.value.invalid");
        }
        String secret = Participants.secret(ctx, id).orElseThrow(Participants::tokenRequired);
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        try {
            throttles.vote(secret);
        } catch (TooManyRequests e) {
            refusedVote(ctx, id, htmx, e);
            return;
        }
        votes.cast(id, secret, statementId, value);
        String back = "my-votes".equals(ctx.formParam("back")) ? "/c/" + id + "/my-votes" : "/c/" + id + "/vote";
        if (!htmx || back.endsWith("my-votes")) {
            ctx.redirect(back, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Conversation c = readable.conversation(ctx, id);
        Participant p = participants.require(ctx, id);
        pages.render(ctx, "participate/card.jte", cardModel(c, p, Language.of(ctx)));
    }

    /** A vote over the quota: the card again, the same statement still to vote on, with the reason above it. */
    private void refusedVote(Context ctx, long id, boolean htmx, TooManyRequests e) {
        Throttles.refused(ctx, e);
        Conversation c = readable.conversation(ctx, id);
        Map<String, Object> model = cardModel(c, participants.require(ctx, id), Language.of(ctx));
        model.put("notice", pages.page(ctx).t(e.messageKey(), e.args()));
        if (!htmx) {
            model.put("title", Readable.title(c, Language.of(ctx)));
            model.put("write", Map.of());
        }
        pages.render(ctx, htmx ? "participate/card.jte" : "participate/vote.jte", model);
    }

    /**
     * Writes a statement; the answer is the writing section again with what happened: waiting for
     * moderation, shown at once, or refused kindly (a near-duplicate, with the existing statement).
     */
    private void write(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Participant p = participants.require(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        Map<String, Object> result = new HashMap<>();
        try {
            Statements.StatementView written = authorship.write(ctx, id, new Statements.WriteStatement(text, null));
            result.put("outcome", "pending".equals(written.moderationState()) ? "pending" : "accepted");
        } catch (Conflict e) {
            if (!"statement-duplicate".equals(e.type())) {
                throw e;
            }
            ctx.status(409);
            Object existing = e.extensions().get("existing");
            result.put("outcome", "duplicate");
            result.put(
                    "existing",
                    existing instanceof Map<?, ?> m && m.get("text") != null ? String.valueOf(m.get("text")) : "");
            result.put("text", text);
        } catch (TooManyRequests e) {
            Throttles.refused(ctx, e);
            result.put("outcome", "invalid");
            result.put("error", pages.page(ctx).t(e.messageKey(), e.args()));
            result.put("text", text);
        } catch (Invalid e) {
            ctx.status(e.status());
            result.put("outcome", "invalid");
            result.put(
                    "error",
                    fieldErrors(e, pages.page(ctx))
                            .getOrDefault("text", pages.page(ctx).t(e.messageKey(), e.args())));
            result.put("text", text);
        }
        Map<String, Object> model = cardModel(c, p, Language.of(ctx));
        model.put("write", result);
        model.put("title", Readable.title(c, Language.of(ctx)));
        pages.render(
                ctx, "true".equals(ctx.header("HX-Request")) ? "participate/write.jte" : "participate/vote.jte", model);
    }

    private void myVotes(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        Optional<Participant> p = participantOrJoin(ctx, id);
        if (p.isEmpty()) {
            return;
        }
        Map<Long, ShownStatements.Shown> texts = shown.all(id, Language.of(ctx));
        List<EarlierVote> earlier = new ArrayList<>();
        for (Votes.CurrentVote vote : votes.currentVotes(p.get().id())) {
            if (texts.containsKey(vote.statementId())) {
                earlier.add(new EarlierVote(texts.get(vote.statementId()), vote.vote()));
            }
        }
        pages.render(
                ctx,
                "participate/my-votes.jte",
                Map.of(
                        "c",
                        c,
                        "title",
                        Readable.title(c, Language.of(ctx)),
                        "earlier",
                        earlier,
                        "open",
                        c.state() == ConversationState.OPEN));
    }
}
