package org.commonground.team;

import java.time.Clock;
import java.util.Map;
import org.commonground.account.AccountFeature;
import org.commonground.conversation.ConversationFeature;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.mail.Outbox;
import org.commonground.web.Api;
import org.commonground.web.Messages;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * Team invitations by e-mail, the feature's one public entry (docs/mail.md): an organizer invites
 * a co-organizer, moderator or translator of a conversation, or an editor of a dialogue; the
 * invitee accepts through a one-time link. Each scope's grant is a {@link TeamGrant}; the
 * dialogue's editor role is granted by the dialogue feature ({@code DialogueFeature.editors()}).
 */
public final class TeamFeature {
    private final TeamInvitations invitations;
    private final ConversationTeam conversations;
    private final DialogueTeam dialogues;

    private TeamFeature(
            Jdbi jdbi,
            Clock clock,
            Outbox outbox,
            Messages messages,
            AccountFeature account,
            ConversationFeature conversation,
            DialogueFeature dialogue) {
        this.conversations = new ConversationTeam(conversation.access(), conversation.conversations());
        this.dialogues = new DialogueTeam(dialogue);
        this.invitations = new TeamInvitations(
                new TeamInvitationStore(jdbi),
                outbox,
                account.accounts(),
                messages,
                clock,
                Map.of(conversations.scope(), conversations, dialogues.scope(), dialogues));
    }

    public static TeamFeature wire(
            Jdbi jdbi,
            Clock clock,
            Outbox outbox,
            Messages messages,
            AccountFeature account,
            ConversationFeature conversation,
            DialogueFeature dialogue) {
        return new TeamFeature(jdbi, clock, outbox, messages, account, conversation, dialogue);
    }

    public void addTo(Api api, Pages pages) {
        new TeamRoutes(invitations, conversations, dialogues).addTo(api);
        new TeamPages(pages, invitations, conversations).addTo(api.routes());
    }
}
