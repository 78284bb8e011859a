package org.commonground.team;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.commonground.account.Account;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The organizer's invitation form (linked from the conversation's manage page) and the invitee's
 * one-time page: choose a password, or give the one of the account they already have.
 */
final class TeamPages {
    private final Pages pages;
    private final TeamInvitations invitations;
    private final TeamGrant conversations;

    TeamPages(Pages pages, TeamInvitations invitations, TeamGrant conversations) {
        this.pages = pages;
        this.invitations = invitations;
        this.conversations = conversations;
    }

    void addTo(RoutesConfig r) {
        r.get("/organize/c/{conversationId}/team-invitations", ctx -> organize(ctx, "", "", ""));
        r.post("/organize/c/{conversationId}/team-invitations", this::invite);
        r.get(TeamInvitations.LINK_PATH + "{token}", ctx -> accept(ctx, ""));
        r.post(TeamInvitations.LINK_PATH + "{token}", this::accepted);
    }

    private void organize(Context ctx, String error, String email, String role) {
        long id = PathIds.of(ctx, "conversationId");
        conversations.requireInviter(ctx, id);
        Map<String, Object> model = new HashMap<>();
        model.put("conversationId", id);
        model.put("title", conversations.title(id, Language.of(ctx)));
        model.put("mailOn", invitations.mailOn());
        model.put("roles", conversations.roles());
        model.put(
                "invitations",
                invitations.of(conversations, id).stream()
                        .map(i -> new TeamInvitationRow(i.email(), i.role(), i.acceptedAt() != null))
                        .toList());
        model.put("error", error);
        model.put("email", email);
        model.put("role", role);
        model.put("sent", ctx.queryParam("sent") != null);
        pages.render(ctx, "team/organize.jte", model);
    }

    private void invite(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Account inviter = conversations.requireInviter(ctx, id);
        String email = orEmpty(ctx.formParam("email"));
        String role = orEmpty(ctx.formParam("role"));
        try {
            invitations.invite(
                    conversations,
                    inviter,
                    id,
                    new TeamInvitations.NewTeamInvitation(email, role, ctx.formParam("language"), null),
                    Language.of(ctx),
                    TeamRoutes.baseUrl(ctx));
            ctx.redirect("/organize/c/" + id + "/team-invitations?sent=1", HttpStatus.SEE_OTHER);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            organize(ctx, message(ctx, e), email, role);
        }
    }

    private void accept(Context ctx, String error) {
        String token = ctx.pathParam("token");
        TeamInvitationStore.Invitation i = invitations.open(token);
        TeamGrant grant = invitations.grantOf(i);
        Language reader = Language.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("email", i.email());
        model.put("title", grant.title(i.scopeId(), reader));
        model.put("role", i.role());
        model.put("hasAccount", invitations.hasAccount(i));
        model.put("error", error);
        ctx.header("Referrer-Policy", "no-referrer"); // the token is in the path
        pages.render(ctx, "team/accept.jte", model);
    }

    private void accepted(Context ctx) {
        String token = ctx.pathParam("token");
        TeamInvitationStore.Invitation i = invitations.open(token);
        try {
            invitations.accept(token, ctx.formParam("password"));
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            accept(ctx, message(ctx, e));
            return;
        }
        TeamGrant grant = invitations.grantOf(i);
        Map<String, Object> model = new HashMap<>();
        model.put("email", i.email());
        model.put("title", grant.title(i.scopeId(), Language.of(ctx)));
        model.put("role", i.role());
        model.put("workPath", grant.workPath(i.scopeId(), i.role()));
        pages.render(ctx, "team/accepted.jte", model);
    }

    private String message(Context ctx, CommonGroundException e) {
        var page = pages.page(ctx);
        if (!e.fieldErrors().isEmpty()) {
            var f = e.fieldErrors().getFirst();
            return page.t(f.messageKey(), f.args());
        }
        return page.t(e.messageKey(), e.args());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
