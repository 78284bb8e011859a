package org.commonground.forum;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.commonground.account.Access;
import org.commonground.web.Api;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The trilateral industry forum (issue 12): organizations from the US, Japan and Korea, projects
 * in emerging markets, consortium proposals with one firm per country, and a day of meetings.
 * The feature's one public entry; its stores, routes and pages are package-private, and the two
 * solvers live in {@code forum.planning} as a plain library.
 */
public final class ForumFeature {
    private final ForumRoutes routes;
    private final ForumPages pages;

    private ForumFeature(ForumRoutes routes, ForumPages pages) {
        this.routes = routes;
        this.pages = pages;
    }

    /**
     * How the forum learns the common ground of the conversation it links to (the statements a
     * majority of every country cohort agrees with, in the reader's language, best first); empty
     * when the reader may not see that conversation's results. The results feature provides it.
     */
    @FunctionalInterface
    public interface CommonGround {
        List<String> statements(Context ctx, long conversationId, Language reader);
    }

    public static ForumFeature wire(Jdbi jdbi, Access access, Pages pages, Clock clock, CommonGround commonGround) {
        ForumStore forums = new ForumStore(jdbi);
        OrganizationStore organizations = new OrganizationStore(jdbi);
        ProjectStore projects = new ProjectStore(jdbi);
        ProposalStore proposals = new ProposalStore(jdbi);
        MeetingStore meetings = new MeetingStore(jdbi);
        ForumPlanning planning = new ForumPlanning(forums, organizations, projects, proposals, meetings);
        ForumAccess forumAccess = new ForumAccess(access, forums, organizations);
        ForumCsv csv = new ForumCsv(proposals, meetings);
        return new ForumFeature(
                new ForumRoutes(forums, organizations, projects, proposals, meetings, planning, forumAccess, csv, access),
                new ForumPages(pages, forums, organizations, projects, proposals, meetings, planning, forumAccess, clock,
                        commonGround));
    }

    /** Registers the JSON API on {@code api} and the HTML pages (and the agenda feed) on {@code pageRoutes}. */
    public void addTo(Api api, RoutesConfig pageRoutes) {
        routes.addTo(api);
        pages.addTo(pageRoutes);
    }

    /**
     * Seeds the demo forum (about 120 organizations, 40 projects, proposals and a scheduled day)
     * unless the database has a forum already; returns the demo forum's id. {@code newDelegateAccount}
     * creates an account of role delegate for an e-mail local part and returns its id.
     */
    public static long seedDemo(Jdbi jdbi, long organizerId, long delegateId,
                                java.util.function.Function<String, Long> newDelegateAccount) {
        return new ForumDemo(jdbi).seed(organizerId, delegateId, newDelegateAccount);
    }
}
