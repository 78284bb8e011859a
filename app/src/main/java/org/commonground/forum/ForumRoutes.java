package org.commonground.forum;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The forum's JSON API under {@code /api/v1/forums}. */
final class ForumRoutes {
    private static final String BASE = "/api/v1/forums/{forumId}";

    private final ForumStore forums;
    private final OrganizationStore organizations;
    private final ProjectStore projects;
    private final ProposalStore proposals;
    private final MeetingStore meetings;
    private final ForumPlanning planning;
    private final ForumAccess access;
    private final ForumCsv csv;
    private final org.commonground.conversation.Access conversations;

    ForumRoutes(
            ForumStore forums,
            OrganizationStore organizations,
            ProjectStore projects,
            ProposalStore proposals,
            MeetingStore meetings,
            ForumPlanning planning,
            ForumAccess access,
            ForumCsv csv,
            org.commonground.conversation.Access conversations) {
        this.conversations = conversations;
        this.forums = forums;
        this.organizations = organizations;
        this.projects = projects;
        this.proposals = proposals;
        this.meetings = meetings;
        this.planning = planning;
        this.access = access;
        this.csv = csv;
    }

    record Answer(String answer) {}

    record DelegateApplication(String name, Long organizationId, OrganizationStore.NewOrganization organization) {}

    record OtherOrganization(long organizationId) {}

    record Availability(List<Integer> slots) {}

    record Status(String status) {}

    record Interest(boolean interested) {}

    record Notes(String notes) {}

    record ScheduleRequest(boolean publish) {}

    /** The conversation among the delegates on the forum's agenda; null unlinks it. */
    record LinkedConversation(Long conversationId) {}

    /** A scheduled meeting of the caller's day, with its times (ISO-8601 UTC). */
    record AgendaItem(
            long meetingId,
            int slot,
            Instant start,
            Instant end,
            int table,
            List<MeetingStore.Party> parties,
            String note,
            boolean published) {}

    static List<AgendaItem> agenda(ForumStore.Forum forum, List<MeetingStore.Meeting> mine) {
        return mine.stream()
                .filter(m -> m.slot() != null && m.state().equals("accepted"))
                .map(m -> new AgendaItem(
                        m.id(),
                        m.slot(),
                        forum.slotStart(m.slot()),
                        forum.slotStart(m.slot() + 1),
                        m.table(),
                        m.parties(),
                        m.note(),
                        m.published()))
                .toList();
    }

    void addTo(Api api) {
        api.tag(
                "forum",
                "The US–Japan–Korea industry forum: organizations and delegates, projects, consortium matching, meetings and their schedule");
        api.post("/api/v1/forums")
                .id("createForum")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Create a forum (organizers and admins); the creator organizes it")
                .body(ForumStore.NewForum.class)
                .returns(ForumStore.Forum.class, 201)
                .handle(ctx -> {
                    Account me = access.account(ctx);
                    if (!me.isAdmin() && me.role() != Role.ORGANIZER) {
                        throw Forbidden.role();
                    }
                    ctx.status(201).json(forums.create(Requests.body(ctx, ForumStore.NewForum.class), me.id()));
                });
        api.get("/api/v1/forums")
                .id("listForums")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The forums the caller organizes or is a delegate at")
                .returns(Api.listOf(ForumStore.Forum.class))
                .handle(ctx -> {
                    Account me = access.account(ctx);
                    ctx.json(forums.forumsOf(me.id(), me.isAdmin()));
                });
        api.get(BASE)
                .id("getForum")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("A forum: titles, venue, the meeting grid, matching settings")
                .returns(ForumStore.Forum.class)
                .handle(ctx -> {
                    access.account(ctx);
                    ctx.json(forums.require(PathIds.of(ctx, "forumId")));
                });
        api.get(BASE + "/taxonomy")
                .id("getForumTaxonomy")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The forum's capabilities (by sector) and target markets")
                .returns(ForumStore.Taxonomy.class)
                .handle(ctx -> {
                    access.account(ctx);
                    ctx.json(forums.taxonomy(
                            forums.require(PathIds.of(ctx, "forumId")).id()));
                });
        api.put(BASE + "/taxonomy")
                .id("replaceForumTaxonomy")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("forum")
                .summary("Replace the taxonomy (organizers); removing a capability still in use is refused with 409")
                .body(ForumStore.Taxonomy.class)
                .returns(ForumStore.Taxonomy.class)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    ctx.json(forums.replaceTaxonomy(f, Requests.body(ctx, ForumStore.Taxonomy.class)));
                });

        api.put(BASE + "/conversation")
                .id("linkForumConversation")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Link the Common Ground conversation of the forum's delegates (organizers of both the forum and the conversation)")
                .body(LinkedConversation.class)
                .returns(ForumStore.Forum.class)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    Long c = Requests.body(ctx, LinkedConversation.class).conversationId();
                    if (c != null) {
                        conversations.requireOrganizer(ctx, c);
                    }
                    forums.linkConversation(f, c);
                    ctx.json(forums.require(f));
                });
        api.get(BASE + "/organizations")
                .id("listForumOrganizations")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Approved organizations' public profiles (organizers also see those awaiting approval)")
                .returns(Api.listOf(OrganizationStore.Organization.class))
                .handle(ctx -> {
                    long f = forums.require(PathIds.of(ctx, "forumId")).id();
                    Account me = access.account(ctx);
                    ctx.json(organizations.list(f, me.isAdmin() || forums.isOrganizer(f, me.id())));
                });
        api.post(BASE + "/organizations")
                .id("registerForumOrganization")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Register an organization (organizers; approved at once)")
                .body(OrganizationStore.NewOrganization.class)
                .returns(OrganizationStore.Organization.class, 201)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    long id = createOrganization(f, Requests.body(ctx, OrganizationStore.NewOrganization.class), true);
                    ctx.status(201).json(organizations.require(f, id));
                });
        api.post(BASE + "/organizations/{organizationId}/approval")
                .id("approveForumOrganization")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Approve an organization (organizers)")
                .returns(OrganizationStore.Organization.class)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    long o = PathIds.of(ctx, "organizationId");
                    organizations.approve(f, o);
                    ctx.json(organizations.require(f, o));
                });
        api.get(BASE + "/organizations/{organizationId}/conflicts")
                .id("listOrganizationConflicts")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Organizations this one declared a conflict with (its delegates and organizers only)")
                .returns(Api.listOf(Long.class))
                .handle(ctx -> {
                    long o = ownOrganization(ctx);
                    ctx.json(organizations.conflictsOf(o));
                });
        api.post(BASE + "/organizations/{organizationId}/conflicts")
                .id("declareOrganizationConflict")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Declare a conflict: the two organizations are never proposed together")
                .body(OtherOrganization.class)
                .returns(Api.listOf(Long.class))
                .handle(ctx -> {
                    long o = ownOrganization(ctx);
                    organizations.declareConflict(
                            PathIds.of(ctx, "forumId"),
                            o,
                            Requests.body(ctx, OtherOrganization.class).organizationId());
                    ctx.json(organizations.conflictsOf(o));
                });

        api.post(BASE + "/delegates")
                .id("applyAsDelegate")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("forum")
                .summary(
                        "Apply as a delegate (accounts of role delegate): for an existing organization or a new one; organizers approve")
                .body(DelegateApplication.class)
                .returns(OrganizationStore.Delegate.class, 201)
                .handle(ctx -> {
                    Account me = access.account(ctx);
                    if (me.role() != Role.DELEGATE) {
                        throw new Forbidden("delegate-role-required", "forum.delegate.role");
                    }
                    long f = forums.require(PathIds.of(ctx, "forumId")).id();
                    DelegateApplication a = Requests.body(ctx, DelegateApplication.class);
                    if ((a.organizationId() == null) == (a.organization() == null)) {
                        throw Invalid.field("organizationId", "forum.delegate.organization");
                    }
                    if (organizations.delegate(f, me.id()).isPresent()) {
                        throw new org.commonground.problem.Conflict("already-delegate", "forum.delegate.exists");
                    }
                    long o = a.organizationId() != null
                            ? organizations.require(f, a.organizationId()).id()
                            : createOrganization(f, a.organization(), false);
                    organizations.addDelegate(f, me.id(), o, a.name(), false);
                    ctx.status(201).json(organizations.delegate(f, me.id()).orElseThrow());
                });
        api.get(BASE + "/delegates")
                .id("listForumDelegates")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Approved delegates (organizers also see those awaiting approval)")
                .returns(Api.listOf(OrganizationStore.Delegate.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(organizations.delegates(m.forum().id(), m.organizer()).stream()
                            .map(d -> m.organizer() || d.organizationId() == m.scope() ? d : d.withoutAvailability())
                            .toList());
                });
        api.post(BASE + "/delegates/{accountId}/approval")
                .id("approveForumDelegate")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Approve a delegate (organizers)")
                .returns(OrganizationStore.Delegate.class)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    long a = PathIds.of(ctx, "accountId");
                    organizations.approveDelegate(f, a);
                    ctx.json(organizations.delegate(f, a).orElseThrow());
                });
        api.put(BASE + "/availability")
                .id("setDelegateAvailability")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The slots (0-based) the calling delegate can attend")
                .body(Availability.class)
                .returns(OrganizationStore.Delegate.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    organizations.setAvailability(
                            m.forum().id(),
                            m.account().id(),
                            Requests.body(ctx, Availability.class).slots(),
                            m.forum().slots());
                    ctx.json(organizations
                            .delegate(m.forum().id(), m.account().id())
                            .orElseThrow());
                });

        api.get(BASE + "/projects")
                .id("listForumProjects")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The forum's projects with their needs; `interested` is the caller's organization's mark")
                .returns(Api.listOf(ProjectStore.Project.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(projects.list(
                            m.forum().id(),
                            m.delegate()
                                    .map(OrganizationStore.Delegate::organizationId)
                                    .orElse(null)));
                });
        api.post(BASE + "/projects")
                .id("postForumProject")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Post a project: host country, sector, size, financing (DFC, JBIC, NEXI, KEXIM, ADB), weighted needs")
                .body(ProjectStore.NewProject.class)
                .returns(ProjectStore.Project.class, 201)
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    long f = m.forum().id();
                    long id = projects.create(
                            f,
                            Requests.body(ctx, ProjectStore.NewProject.class),
                            m.account().id(),
                            m.delegate()
                                    .map(OrganizationStore.Delegate::organizationId)
                                    .orElse(null),
                            forums.capabilities(f),
                            forums.markets(f));
                    ctx.status(201).json(projects.require(f, id));
                });
        api.put(BASE + "/projects/{projectId}/status")
                .id("setForumProjectStatus")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Set a project's status: open, matched or closed (organizers, or the posting organization)")
                .body(Status.class)
                .returns(ProjectStore.Project.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ProjectStore.Project p = hostedOrOrganized(m, PathIds.of(ctx, "projectId"));
                    projects.setStatus(
                            m.forum().id(),
                            p.id(),
                            Requests.body(ctx, Status.class).status());
                    ctx.json(projects.require(m.forum().id(), p.id()));
                });
        api.put(BASE + "/projects/{projectId}/interest")
                .id("setForumProjectInterest")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Mark or unmark the caller's organization's interest")
                .body(Interest.class)
                .returns(ProjectStore.Project.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    long p = PathIds.of(ctx, "projectId");
                    projects.setInterest(
                            m.forum().id(),
                            p,
                            m.organizationId(),
                            Requests.body(ctx, Interest.class).interested());
                    ctx.json(projects.list(m.forum().id(), m.organizationId()).stream()
                            .filter(x -> x.id() == p)
                            .findFirst()
                            .orElseThrow());
                });
        api.post(BASE + "/projects/{projectId}/exclusions")
                .id("excludeFromForumProject")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Keep an organization out of a project's proposals (organizers, the posting organization, or the organization itself)")
                .body(OtherOrganization.class)
                .noContent()
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    long other = Requests.body(ctx, OtherOrganization.class).organizationId();
                    long p = PathIds.of(ctx, "projectId");
                    if (!(m.delegate().isPresent() && m.organizationId() == other)) {
                        hostedOrOrganized(m, p);
                    }
                    organizations.require(m.forum().id(), other);
                    projects.exclude(m.forum().id(), p, other);
                    ctx.status(204);
                });

        api.post(BASE + "/matching")
                .id("runForumMatching")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Run consortium matching for every open project (organizers)")
                .returns(ForumPlanning.MatchingRun.class)
                .handle(ctx -> ctx.json(planning.match(access.organizer(ctx, PathIds.of(ctx, "forumId"))
                        .forum()
                        .id())));
        api.get(BASE + "/proposals")
                .id("listForumProposals")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Proposed teams with who covers which capability and what is missing (own organization's only, for delegates)")
                .returns(Api.listOf(ProposalStore.Proposal.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(proposals.proposals(m.forum().id(), m.scope()));
                });
        api.post(BASE + "/proposals/{proposalId}/answer")
                .id("answerForumProposal")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("forum")
                .summary("Accept or decline a proposal for the caller's organization; all accepting makes a consortium")
                .body(Answer.class)
                .returns(ProposalStore.Proposal.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(proposals.answer(
                            m.forum().id(),
                            PathIds.of(ctx, "proposalId"),
                            m.organizationId(),
                            m.account().id(),
                            Requests.body(ctx, Answer.class).answer(),
                            m.forum().maxOpenConsortia()));
                });
        api.get(BASE + "/consortia")
                .id("listForumConsortia")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Consortia (members and organizers only)")
                .returns(Api.listOf(ProposalStore.Consortium.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(proposals.consortia(m.forum().id(), m.scope()));
                });
        api.get(BASE + "/consortia/{consortiumId}")
                .id("getForumConsortium")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("A consortium's members, delegates and notes (404 to others)")
                .returns(ProposalStore.Consortium.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(proposals.consortium(m.forum().id(), PathIds.of(ctx, "consortiumId"), m.scope()));
                });
        api.put(BASE + "/consortia/{consortiumId}/notes")
                .id("setForumConsortiumNotes")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Replace a consortium's shared notes")
                .body(Notes.class)
                .returns(ProposalStore.Consortium.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(proposals.setNotes(
                            m.forum().id(),
                            PathIds.of(ctx, "consortiumId"),
                            m.scope(),
                            Requests.body(ctx, Notes.class).notes()));
                });

        api.post(BASE + "/meetings")
                .id("requestForumMeeting")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Request a one-to-one (one invitee) or three-party (two invitees) meeting with approved delegates")
                .body(MeetingStore.NewMeeting.class)
                .returns(MeetingStore.Meeting.class, 201)
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    MeetingStore.NewMeeting body = Requests.body(ctx, MeetingStore.NewMeeting.class);
                    if (body.consortiumId() != null) {
                        proposals.consortium(m.forum().id(), body.consortiumId(), m.organizationId());
                    }
                    Set<Long> approved = organizations.delegates(m.forum().id(), false).stream()
                            .map(OrganizationStore.Delegate::accountId)
                            .collect(Collectors.toSet());
                    ctx.status(201)
                            .json(meetings.request(m.forum().id(), m.account().id(), body, approved));
                });
        api.get(BASE + "/meetings")
                .id("listForumMeetings")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The caller's meetings (organizers: all of the forum's)")
                .returns(Api.listOf(MeetingStore.Meeting.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(meetings.meetings(
                            m.forum().id(), m.organizer() ? null : m.account().id()));
                });
        api.post(BASE + "/meetings/{meetingId}/answer")
                .id("answerForumMeeting")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("forum")
                .summary("Accept or decline a meeting the caller is invited to")
                .body(Answer.class)
                .returns(MeetingStore.Meeting.class)
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(meetings.answer(
                            m.forum().id(),
                            PathIds.of(ctx, "meetingId"),
                            m.account().id(),
                            Requests.body(ctx, Answer.class).answer()));
                });
        api.post(BASE + "/schedule")
                .id("scheduleForumMeetings")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary(
                        "Schedule accepted meetings into slots and tables, keeping published ones; `publish` fixes the result")
                .body(ScheduleRequest.class)
                .returns(ForumPlanning.SchedulingRun.class)
                .handle(ctx -> {
                    long f = access.organizer(ctx, PathIds.of(ctx, "forumId"))
                            .forum()
                            .id();
                    ctx.json(planning.schedule(
                            f, Requests.body(ctx, ScheduleRequest.class).publish()));
                });
        api.get(BASE + "/agenda")
                .id("getForumAgenda")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("The calling delegate's scheduled meetings with start and end times")
                .returns(Api.listOf(AgendaItem.class))
                .handle(ctx -> {
                    ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
                    ctx.json(agenda(
                            m.forum(),
                            meetings.meetings(m.forum().id(), m.account().id())));
                });
        api.get(BASE + "/proposals.csv")
                .id("exportForumProposals")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Every proposal as CSV (organizers)")
                .returnsText("text/csv")
                .handle(ctx -> csv.proposals(
                        ctx, access.organizer(ctx, PathIds.of(ctx, "forumId")).forum()));
        api.get(BASE + "/meetings.csv")
                .id("exportForumMeetings")
                .caller(Caller.ACCOUNT)
                .tag("forum")
                .summary("Every meeting with its slot and table as CSV (organizers)")
                .returnsText("text/csv")
                .handle(ctx -> csv.meetings(
                        ctx, access.organizer(ctx, PathIds.of(ctx, "forumId")).forum()));
    }

    private long createOrganization(long forumId, OrganizationStore.NewOrganization input, boolean approved) {
        List<ForumStore.Capability> taxonomy = forums.capabilities(forumId);
        return organizations.create(
                forumId,
                input,
                approved,
                taxonomy.stream().map(ForumStore.Capability::sector).distinct().toList(),
                taxonomy.stream().map(ForumStore.Capability::code).toList(),
                forums.markets(forumId));
    }

    /** The organization in the path, if the caller is one of its delegates or an organizer; 404 otherwise. */
    private long ownOrganization(io.javalin.http.Context ctx) {
        ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
        long o = PathIds.of(ctx, "organizationId");
        if (!m.organizer() && m.organizationId() != o) {
            throw org.commonground.problem.NotFound.of("organization", o);
        }
        return organizations.require(m.forum().id(), o).id();
    }

    private ProjectStore.Project hostedOrOrganized(ForumAccess.Member m, long projectId) {
        ProjectStore.Project p = projects.require(m.forum().id(), projectId);
        if (!m.organizer()
                && (m.delegate().isEmpty() || p.organizationId() == null || p.organizationId() != m.organizationId())) {
            throw new Forbidden("not-project-host", "forum.project.host-only");
        }
        return p;
    }
}
