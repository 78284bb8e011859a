package org.commonground.forum;

import io.javalin.http.Context;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.problem.Forbidden;

/**
 * Who may see and do what at a forum. Organizers (and admins) see everything; an approved
 * delegate sees the forum's public data (organizations' profiles, projects, delegates) and only
 * their own organization's private data (proposals, consortia, meetings, interest, conflicts).
 */
final class ForumAccess {
    private final Access access;
    private final ForumStore forums;
    private final OrganizationStore organizations;

    ForumAccess(Access access, ForumStore forums, OrganizationStore organizations) {
        this.access = access;
        this.forums = forums;
        this.organizations = organizations;
    }

    /** The caller at one forum: an organizer, an approved delegate, or both. */
    record Member(
            Account account, ForumStore.Forum forum, boolean organizer, Optional<OrganizationStore.Delegate> delegate) {
        /** The organization whose private data the caller may see; null means all of it (an organizer). */
        Long scope() {
            return organizer ? null : delegate.orElseThrow().organizationId();
        }

        long organizationId() {
            return delegate.orElseThrow(() -> new Forbidden("delegate-required", "forum.delegate.required"))
                    .organizationId();
        }
    }

    /** 401 without an account, 404 for an unknown forum, 403 for anyone but its organizers and approved delegates. */
    Member member(Context ctx, long forumId) {
        Account account = access.requireAccount(ctx);
        ForumStore.Forum forum = forums.require(forumId);
        boolean organizer = account.isAdmin() || forums.isOrganizer(forumId, account.id());
        Optional<OrganizationStore.Delegate> delegate = organizations.delegate(forumId, account.id());
        if (!organizer && delegate.isEmpty()) {
            throw new Forbidden("not-forum-member", "forum.member.required");
        }
        if (!organizer && !delegate.get().approved()) {
            throw new Forbidden("delegate-pending", "forum.delegate.pending");
        }
        return new Member(account, forum, organizer, delegate.filter(OrganizationStore.Delegate::approved));
    }

    Member organizer(Context ctx, long forumId) {
        Member m = member(ctx, forumId);
        if (!m.organizer()) {
            throw new Forbidden("organizer-required", "forum.organizer.required");
        }
        return m;
    }

    /** An approved delegate (who acts for their organization); organizers without an organization get 403. */
    Member delegate(Context ctx, long forumId) {
        Member m = member(ctx, forumId);
        m.organizationId();
        return m;
    }

    /** The signed-in account, for calls that need no forum membership yet (applying as a delegate). */
    Account account(Context ctx) {
        return access.requireAccount(ctx);
    }
}
