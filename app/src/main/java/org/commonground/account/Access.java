package org.commonground.account;

import io.javalin.http.Context;
import java.util.Set;
import org.commonground.problem.Forbidden;
import org.commonground.problem.NotFound;
import org.commonground.problem.Unauthorized;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may act on a conversation. An admin may do everything; the conversation's owner and its
 * organizer members may do everything on it; moderators and translators only what their role names.
 */
public final class Access {
    private final Authentication authentication;
    private final Jdbi jdbi;

    public Access(Authentication authentication, Jdbi jdbi) {
        this.authentication = authentication;
        this.jdbi = jdbi;
    }

    /** The signed-in account, or 401. */
    public Account requireAccount(Context ctx) {
        return authentication.account(ctx).orElseThrow(Unauthorized::signInRequired);
    }

    /** The signed-in account if it has one of the account roles, else 401/403. */
    public Account requireRole(Context ctx, Role... roles) {
        Account account = requireAccount(ctx);
        if (account.isAdmin() || Set.of(roles).contains(account.role())) {
            return account;
        }
        throw Forbidden.role();
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
        return authentication.account(ctx).map(a -> has(a, conversationId, STAFF)).orElse(false);
    }

    /** Whether the account has any of the member roles on the conversation (owners count as organizers). */
    public boolean has(Account account, long conversationId, Set<String> memberRoles) {
        if (account.isAdmin()) {
            return true;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM conversation c WHERE c.id = :c AND c.owner_id = :a)
                    OR EXISTS (SELECT 1 FROM conversation_member m
                               WHERE m.conversation_id = :c AND m.account_id = :a AND m.role IN (<roles>))""")
                .bind("c", conversationId).bind("a", account.id()).bindList("roles", memberRoles.stream().toList())
                .mapTo(Boolean.class).one());
    }

    private Account requireOn(Context ctx, long conversationId, Set<String> memberRoles) {
        Account account = requireAccount(ctx);
        boolean exists = jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM conversation WHERE id = :c)")
                .bind("c", conversationId).mapTo(Boolean.class).one());
        if (!exists) {
            throw NotFound.of("conversation", conversationId);
        }
        if (!has(account, conversationId, memberRoles)) {
            throw Forbidden.role();
        }
        return account;
    }
}
