package org.commonground.team;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Access;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.Readable;
import org.commonground.web.Language;

/** Invitations to a conversation's staff: co-organizer, moderator, translator (a {@code conversation_member} row). */
final class ConversationTeam implements TeamGrant {
    static final String CO_ORGANIZER = "co-organizer";

    private final Access access;
    private final ConversationCatalog conversations;

    ConversationTeam(Access access, ConversationCatalog conversations) {
        this.access = access;
        this.conversations = conversations;
    }

    @Override
    public String scope() {
        return "conversation";
    }

    @Override
    public List<String> roles() {
        return List.of(CO_ORGANIZER, "moderator", "translator");
    }

    @Override
    public Account requireInviter(Context ctx, long id) {
        return access.requireOrganizer(ctx, id);
    }

    @Override
    public Role accountRole(String role) {
        return switch (role) {
            case CO_ORGANIZER -> Role.ORGANIZER;
            case "moderator" -> Role.MODERATOR;
            default -> Role.TRANSLATOR;
        };
    }

    @Override
    public String title(long id, Language language) {
        return Readable.title(conversations.get(id), language);
    }

    @Override
    public void grant(long id, Account account, String role, String country) {
        conversations.addMember(id, account.id(), memberRole(role));
    }

    @Override
    public String workPath(long id, String role) {
        return switch (role) {
            case CO_ORGANIZER -> "/organize/c/" + id;
            case "moderator" -> "/moderate/c/" + id;
            default -> "/translate/c/" + id;
        };
    }

    static MemberRole memberRole(String role) {
        return switch (role) {
            case CO_ORGANIZER -> MemberRole.ORGANIZER;
            case "moderator" -> MemberRole.MODERATOR;
            default -> MemberRole.TRANSLATOR;
        };
    }
}
