package org.commonground.conversation;

import io.javalin.http.Context;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.account.Role;
import org.commonground.problem.Forbidden;
import org.commonground.problem.NotFound;

/**
 * Who may act on a conversation. An admin may do everything; the conversation's owner and its
 * organizer members may do everything on it; moderators and translators only what their role names.
 */
public final class Access {
    private final Authentication authentication;
    private final ConversationStore conversations;

    Access(Authentication authentication, ConversationStore conversations) {
        this.authentication = authentication;
        this.conversations = conversations;
    }

    /** The signed-in account, or 401. */
    public Account requireAccount(Context ctx) {
        return authentication.requireAccount(ctx);
    }

    /** The signed-in account if it has one of the account roles, else 401/403. */
    public Account requireRole(Context ctx, Role... roles) {
        return authentication.requireRole(ctx, roles);
    }

    /** Organizer rights on the conversation (admin, owner, or organizer member), else 401/403/404. */
    public Account requireOrganizer(Context ctx, long conversationId) {
        return requireOn(ctx, conversationId, Set.of("organizer"));
    }

    /** Moderation rights on the conversation (organizer rights, or moderator member). */
    public Account requireModerator(Context ctx, long conversationId) {
        return requireOn(ctx, conversationId, Set.of("organizer", "moderator"));
    }

    /** Translation rights on the conversation (organizer rights, or translator member). */
    public Account requireTranslator(Context ctx, long conversationId) {
        return requireOn(ctx, conversationId, Set.of("organizer", "translator"));
    }

    /** The member roles that make an account part of a conversation's staff. */
    public static final Set<String> STAFF = Set.of("organizer", "moderator", "translator");

    /** Whether the request is signed in as an admin or as one of the conversation's staff. */
    public boolean isStaff(Context ctx, long conversationId) {
        return authentication
                .account(ctx)
                .map(a -> has(a, conversationId, STAFF))
                .orElse(false);
    }

    /** Whether the account has any of the member roles on the conversation (owners count as organizers). */
    public boolean has(Account account, long conversationId, Set<String> memberRoles) {
        if (account.isAdmin()) {
            return true;
        }
        return conversations.isOwnerOrMember(conversationId, account.id(), memberRoles);
    }

    /** 404 unless the conversation exists (in any state). */
    public void requireExists(long conversationId) {
        if (!conversations.exists(conversationId)) {
            throw NotFound.of("conversation", conversationId);
        }
    }

    private Account requireOn(Context ctx, long conversationId, Set<String> memberRoles) {
        Account account = requireAccount(ctx);
        requireExists(conversationId);
        if (!has(account, conversationId, memberRoles)) {
            throw Forbidden.role();
        }
        return account;
    }
}
