package org.commonground.team;

import io.javalin.http.Context;
import org.commonground.account.Account;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** {@code POST …/team-invitations} for conversations and dialogues: an organizer invites by e-mail. */
final class TeamRoutes {
    private final TeamInvitations invitations;
    private final TeamGrant conversations;
    private final TeamGrant dialogues;

    TeamRoutes(TeamInvitations invitations, TeamGrant conversations, TeamGrant dialogues) {
        this.invitations = invitations;
        this.conversations = conversations;
        this.dialogues = dialogues;
    }

    void addTo(Api api) {
        api.tag(
                "team",
                "Team invitations by e-mail: the invitee sets a password through a one-time link and then holds the role");
        declare(
                api,
                "/api/v1/conversations/{conversationId}/team-invitations",
                "conversationId",
                "inviteConversationTeam",
                "Invite a co-organizer, moderator or translator of the conversation by e-mail (role co-organizer, moderator or translator); 409 mail-off when the server sends no mail",
                conversations);
        declare(
                api,
                "/api/v1/dialogues/{dialogueId}/team-invitations",
                "dialogueId",
                "inviteDialogueTeam",
                "Invite an editor of the dialogue's shared-understanding document by e-mail (role editor, with the country cohort they write for, e.g. JP or KR); 409 mail-off when the server sends no mail",
                dialogues);
    }

    private void declare(Api api, String path, String idName, String operationId, String summary, TeamGrant grant) {
        api.post(path)
                .id(operationId)
                .caller(Caller.ACCOUNT)
                .problems(409, 429)
                .tag("team")
                .summary(summary)
                .body(TeamInvitations.NewTeamInvitation.class)
                .returns(TeamInvitations.TeamInvitationView.class, 201)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, idName);
                    Account inviter = grant.requireInviter(ctx, id);
                    var in = Requests.body(ctx, TeamInvitations.NewTeamInvitation.class);
                    var created = invitations.invite(grant, inviter, id, in, Language.of(ctx), baseUrl(ctx));
                    ctx.status(201).json(TeamInvitations.TeamInvitationView.of(created));
                });
    }

    static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null ? "localhost" : host);
    }
}
