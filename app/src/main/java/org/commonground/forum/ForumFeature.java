package org.commonground.forum;

import java.time.Clock;
import java.util.function.Function;
import org.commonground.conversation.ConversationFeature;
import org.commonground.results.ResultsFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The trilateral industry forum (issue 12): organizations from the US, Japan and Korea, projects
 * in emerging markets, consortium proposals with one firm per country, and a day of meetings.
 * The feature's one public entry; its stores, routes and pages are package-private, and the two
 * solvers live in {@code forum.planning} as a plain library. A forum may link to a Common Ground
 * conversation, whose common ground (from the results feature) its page shows.
 */
public final class ForumFeature {
    private final ForumStore forums;
    private final OrganizationStore organizations;
    private final ProjectStore projects;
    private final ProposalStore proposals;
    private final MeetingStore meetings;
    private final ForumPlanning planning;
    private final ForumAccess access;
    private final ForumCsv csv;
    private final ConversationFeature conversation;
    private final ConversationCommonGround commonGround;
    private final Clock clock;

    private ForumFeature(
            Jdbi jdbi,
            Clock clock,
            ConversationFeature conversation,
            TranslationFeature translation,
            ResultsFeature results) {
        this.forums = new ForumStore(jdbi);
        this.organizations = new OrganizationStore(jdbi);
        this.projects = new ProjectStore(jdbi);
        this.proposals = new ProposalStore(jdbi);
        this.meetings = new MeetingStore(jdbi);
        this.planning = new ForumPlanning(forums, organizations, projects, proposals, meetings);
        this.access = new ForumAccess(conversation.access(), forums, organizations);
        this.csv = new ForumCsv(proposals, meetings);
        this.conversation = conversation;
        this.commonGround = new ConversationCommonGround(results.readers(), results.results(), translation.shown());
        this.clock = clock;
    }

    public static ForumFeature wire(
            Jdbi jdbi,
            Clock clock,
            ConversationFeature conversation,
            TranslationFeature translation,
            ResultsFeature results) {
        return new ForumFeature(jdbi, clock, conversation, translation, results);
    }

    /** Registers the JSON API under /api/v1/forums and the HTML pages (and the agenda feed) under /forums. */
    public void addTo(Api api, Pages pages) {
        new ForumRoutes(
                        forums,
                        organizations,
                        projects,
                        proposals,
                        meetings,
                        planning,
                        access,
                        csv,
                        conversation.access())
                .addTo(api);
        new ForumPages(
                        pages,
                        forums,
                        organizations,
                        projects,
                        proposals,
                        meetings,
                        planning,
                        access,
                        clock,
                        commonGround)
                .addTo(api.routes());
    }

    /**
     * Seeds the demo forum (about 120 organizations, 40 projects, proposals and a scheduled day)
     * unless the database has a forum already; returns the demo forum's id. {@code newDelegateAccount}
     * creates an account of role delegate for an e-mail local part and returns its id.
     */
    public static long seedDemo(
            Jdbi jdbi, long organizerId, long delegateId, Function<String, Long> newDelegateAccount) {
        return new ForumDemo(jdbi).seed(organizerId, delegateId, newDelegateAccount);
    }
}
