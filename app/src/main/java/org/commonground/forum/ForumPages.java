package org.commonground.forum;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonground.forum.ForumPageModel.ConsortiumCard;
import org.commonground.forum.ForumPageModel.CoverageRow;
import org.commonground.forum.ForumPageModel.Header;
import org.commonground.forum.ForumPageModel.MeetingRow;
import org.commonground.forum.ForumPageModel.OrganizationCard;
import org.commonground.forum.ForumPageModel.PendingDelegate;
import org.commonground.forum.ForumPageModel.PendingOrganization;
import org.commonground.forum.ForumPageModel.PersonRow;
import org.commonground.forum.ForumPageModel.ProjectRow;
import org.commonground.forum.ForumPageModel.ProposalCard;
import org.commonground.forum.ForumPageModel.Seat;
import org.commonground.problem.NotFound;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The forum's pages: the forum home (a delegate's organization, projects, proposals, consortia
 * and meetings; an organizer's approvals and runs), the agenda as a page, a printable sheet and an
 * iCalendar feed, a consortium's shared page, and the taxonomy editor. Forms post and redirect back.
 */
final class ForumPages {
    private final Pages pages;
    private final ForumStore forums;
    private final OrganizationStore organizations;
    private final ProjectStore projects;
    private final ProposalStore proposals;
    private final MeetingStore meetings;
    private final ForumPlanning planning;
    private final ForumAccess access;
    private final Clock clock;
    private final ConversationCommonGround commonGround;

    ForumPages(
            Pages pages,
            ForumStore forums,
            OrganizationStore organizations,
            ProjectStore projects,
            ProposalStore proposals,
            MeetingStore meetings,
            ForumPlanning planning,
            ForumAccess access,
            Clock clock,
            ConversationCommonGround commonGround) {
        this.commonGround = commonGround;
        this.pages = pages;
        this.forums = forums;
        this.organizations = organizations;
        this.projects = projects;
        this.proposals = proposals;
        this.meetings = meetings;
        this.planning = planning;
        this.access = access;
        this.clock = clock;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/forums", this::list);
        routes.get("/forums/{forumId}", this::home);
        routes.get("/forums/{forumId}/agenda", ctx -> agenda(ctx, false));
        routes.get("/forums/{forumId}/agenda/print", ctx -> agenda(ctx, true));
        routes.get("/forums/{forumId}/calendar/{token}", this::calendar);
        routes.get("/forums/{forumId}/consortia/{consortiumId}", this::consortium);
        routes.post("/forums/{forumId}/consortia/{consortiumId}/notes", this::notes);
        routes.get("/forums/{forumId}/taxonomy", this::taxonomy);
        routes.post("/forums/{forumId}/taxonomy", this::saveTaxonomy);
        routes.post("/forums/{forumId}/organizations/{organizationId}/approve", ctx -> {
            long f = access.organizer(ctx, PathIds.of(ctx, "forumId")).forum().id();
            organizations.approve(f, PathIds.of(ctx, "organizationId"));
            back(ctx, f, "#approvals");
        });
        routes.post("/forums/{forumId}/delegates/{accountId}/approve", ctx -> {
            long f = access.organizer(ctx, PathIds.of(ctx, "forumId")).forum().id();
            organizations.approveDelegate(f, PathIds.of(ctx, "accountId"));
            back(ctx, f, "#approvals");
        });
        routes.post("/forums/{forumId}/matching", ctx -> {
            long f = access.organizer(ctx, PathIds.of(ctx, "forumId")).forum().id();
            planning.match(f);
            back(ctx, f, "#proposals");
        });
        routes.post("/forums/{forumId}/schedule", ctx -> {
            long f = access.organizer(ctx, PathIds.of(ctx, "forumId")).forum().id();
            planning.schedule(f, "true".equals(ctx.formParam("publish")));
            back(ctx, f, "#meetings");
        });
        routes.post("/forums/{forumId}/proposals/{proposalId}/answer", ctx -> {
            ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
            proposals.answer(
                    m.forum().id(),
                    PathIds.of(ctx, "proposalId"),
                    m.organizationId(),
                    m.account().id(),
                    ctx.formParam("answer"),
                    m.forum().maxOpenConsortia());
            back(ctx, m.forum().id(), "#proposals");
        });
        routes.post("/forums/{forumId}/meetings/{meetingId}/answer", ctx -> {
            ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
            meetings.answer(
                    m.forum().id(), PathIds.of(ctx, "meetingId"), m.account().id(), ctx.formParam("answer"));
            back(ctx, m.forum().id(), "#meetings");
        });
        routes.post("/forums/{forumId}/meetings", ctx -> {
            ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
            List<Long> invitees = ctx.formParams("invitee").stream()
                    .filter(s -> !s.isBlank())
                    .map(ForumPages::id)
                    .toList();
            Set<Long> approved = organizations.delegates(m.forum().id(), false).stream()
                    .map(OrganizationStore.Delegate::accountId)
                    .collect(Collectors.toSet());
            meetings.request(
                    m.forum().id(),
                    m.account().id(),
                    new MeetingStore.NewMeeting(
                            invitees,
                            (int) id(Optional.ofNullable(ctx.formParam("priority"))
                                    .orElse("2")),
                            ctx.formParam("note"),
                            null),
                    approved);
            back(ctx, m.forum().id(), "#meetings");
        });
        routes.post("/forums/{forumId}/availability", ctx -> {
            ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
            organizations.setAvailability(
                    m.forum().id(),
                    m.account().id(),
                    ctx.formParams("slot").stream().map(s -> (int) id(s)).toList(),
                    m.forum().slots());
            ctx.redirect("/forums/" + m.forum().id() + "/agenda#availability", HttpStatus.SEE_OTHER);
        });
        routes.post("/forums/{forumId}/projects/{projectId}/interest", ctx -> {
            ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
            projects.setInterest(
                    m.forum().id(),
                    PathIds.of(ctx, "projectId"),
                    m.organizationId(),
                    "true".equals(ctx.formParam("interested")));
            back(ctx, m.forum().id(), "#projects");
        });
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw org.commonground.problem.Invalid.field("invitee", "forum.meeting.invitees");
        }
    }

    private static void back(Context ctx, long forumId, String anchor) {
        ctx.redirect("/forums/" + forumId + anchor, HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx) {
        var me = access.account(ctx);
        String lang = pages.page(ctx).lang().code();
        List<Map<String, Object>> items = forums.forumsOf(me.id(), me.isAdmin()).stream()
                .map(f ->
                        Map.<String, Object>of("id", f.id(), "title", f.titles().get(lang), "venue", f.venue()))
                .toList();
        pages.render(ctx, "forum/list.jte", Map.of("forums", items));
    }

    private Header header(ForumAccess.Member m, Page page) {
        ForumStore.Forum f = m.forum();
        String lang = page.lang().code();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(page.lang().locale())
                .format(f.dayStart().atZone(ZoneId.of(f.timeZone())));
        String organization = m.delegate()
                .map(d -> organizations
                        .require(f.id(), d.organizationId())
                        .names()
                        .get(lang))
                .orElse("");
        return new Header(
                f.id(),
                f.titles().get(lang),
                f.venue(),
                date,
                m.organizer(),
                m.delegate().isPresent(),
                organization,
                m.delegate().map(OrganizationStore.Delegate::name).orElse(""));
    }

    private void home(Context ctx) {
        ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
        Page page = pages.page(ctx);
        String lang = page.lang().code();
        long f = m.forum().id();
        Map<String, String> capabilityNames = capabilityNames(f, lang);
        List<OrganizationStore.Organization> orgs = organizations.list(f, m.organizer());
        Map<Long, OrganizationStore.Organization> byId = new HashMap<>();
        orgs.forEach(o -> byId.put(o.id(), o));
        Map<String, Object> model = new HashMap<>();
        model.put("header", header(m, page));
        model.put(
                "organization",
                m.delegate()
                        .map(d -> card(organizations.require(f, d.organizationId()), page, capabilityNames))
                        .orElse(null));
        Long interestOf =
                m.delegate().map(OrganizationStore.Delegate::organizationId).orElse(null);
        model.put(
                "projects",
                projects.list(f, interestOf).stream()
                        .map(p -> new ProjectRow(
                                p.id(),
                                p.title(),
                                page.t("forum.market." + p.hostCountry()),
                                sector(page, p.sector()),
                                page.t("forum.size." + p.size()),
                                p.financing(),
                                p.needs().stream()
                                        .map(n -> capabilityNames.getOrDefault(n.capability(), n.capability()) + " ×"
                                                + n.weight())
                                        .toList(),
                                page.t("forum.status." + p.status()),
                                p.interestCount(),
                                p.interested()))
                        .toList());
        List<ProposalCard> cards = proposals.proposals(f, m.scope()).stream()
                .filter(p -> m.organizer() ? p.rank() == 1 || !p.state().equals("proposed") : true)
                .map(p -> proposalCard(p, page, capabilityNames, interestOf))
                .toList();
        model.put("proposals", cards);
        model.put(
                "consortia",
                proposals.consortia(f, m.scope()).stream()
                        .map(c -> consortiumCard(c, lang))
                        .toList());
        model.put(
                "meetings",
                meetingRows(
                        m,
                        page,
                        meetings.meetings(
                                f,
                                m.organizer() && m.delegate().isEmpty()
                                        ? null
                                        : m.account().id())));
        List<PersonRow> delegates = organizations.delegates(f, false).stream()
                .filter(d -> d.accountId() != m.account().id())
                .map(d -> new PersonRow(
                        d.accountId(),
                        d.name(),
                        byId.containsKey(d.organizationId())
                                ? byId.get(d.organizationId()).names().get(lang)
                                : d.organizationName(),
                        page.t("forum.country." + d.country())))
                .toList();
        model.put("delegates", delegates);
        model.put(
                "pendingOrganizations",
                m.organizer()
                        ? orgs.stream()
                                .filter(o -> !o.approved())
                                .map(o -> new PendingOrganization(
                                        o.id(), o.names().get(lang), page.t("forum.country." + o.country())))
                                .toList()
                        : List.of());
        model.put(
                "pendingDelegates",
                m.organizer()
                        ? organizations.delegates(f, true).stream()
                                .filter(d -> !d.approved())
                                .map(d -> new PendingDelegate(d.accountId(), d.name(), d.organizationName()))
                                .toList()
                        : List.of());
        model.put(
                "organizationCount",
                orgs.stream().filter(OrganizationStore.Organization::approved).count());
        Long conversation = m.forum().conversationId();
        model.put("conversationId", conversation == null ? 0L : conversation);
        model.put(
                "commonGround",
                conversation == null ? List.of() : commonGround.statements(ctx, conversation, page.lang()));
        pages.render(ctx, "forum/home.jte", model);
    }

    private Map<String, String> capabilityNames(long forumId, String lang) {
        Map<String, String> names = new HashMap<>();
        forums.capabilities(forumId).forEach(c -> names.put(c.code(), c.names().get(lang)));
        return names;
    }

    private static String sector(Page page, String code) {
        String key = "forum.sector." + code;
        String t = page.t(key);
        return t.equals(key) ? code : t;
    }

    private static OrganizationCard card(
            OrganizationStore.Organization o, Page page, Map<String, String> capabilityNames) {
        return new OrganizationCard(
                o.id(),
                o.names().get(page.lang().code()),
                page.t("forum.country." + o.country()),
                o.sectors().stream().map(s -> sector(page, s)).toList(),
                o.capabilities().stream()
                        .map(c -> capabilityNames.getOrDefault(c, c))
                        .toList(),
                o.markets().stream().map(x -> page.t("forum.market." + x)).toList(),
                page.t("forum.size." + o.size()),
                o.approved());
    }

    private static ProposalCard proposalCard(
            ProposalStore.Proposal p, Page page, Map<String, String> capabilityNames, Long mine) {
        String lang = page.lang().code();
        Map<String, String> bySeat = new HashMap<>();
        p.members().forEach(x -> bySeat.put(x.seat(), x.names().get(lang)));
        List<Seat> seats = p.members().stream()
                .map(x -> new Seat(
                        page.t("forum.country." + x.seat()), x.names().get(lang), page.t("forum.answer." + x.answer())))
                .toList();
        List<CoverageRow> rows = p.explanation().stream()
                .map(c -> new CoverageRow(
                        capabilityNames.getOrDefault(c.capability(), c.capability()),
                        c.weight(),
                        c.seats().stream().map(bySeat::get).toList()))
                .toList();
        String myAnswer = mine == null
                ? ""
                : p.members().stream()
                        .filter(x -> x.organizationId() == mine)
                        .map(ProposalStore.Member::answer)
                        .findFirst()
                        .orElse("");
        return new ProposalCard(
                p.id(),
                p.projectId(),
                p.projectTitle(),
                page.t("forum.market." + p.hostCountry()),
                p.rank(),
                page.t("forum.proposal.state." + p.state()),
                page.percent(p.score()),
                page.percent(p.coverage()),
                seats,
                rows,
                mine != null && p.state().equals("proposed") && myAnswer.equals("pending"),
                myAnswer);
    }

    private static ConsortiumCard consortiumCard(ProposalStore.Consortium c, String lang) {
        Map<Long, String> names = new HashMap<>();
        c.members().forEach(x -> names.put(x.organizationId(), x.names().get(lang)));
        return new ConsortiumCard(
                c.id(),
                c.projectTitle(),
                c.state(),
                c.members().stream().map(x -> x.names().get(lang)).toList(),
                c.delegates().stream()
                        .map(d -> new PersonRow(d.accountId(), d.name(), names.get(d.organizationId()), ""))
                        .toList(),
                c.notes());
    }

    private static List<MeetingRow> meetingRows(ForumAccess.Member m, Page page, List<MeetingStore.Meeting> list) {
        ForumStore.Forum f = m.forum();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(f.timeZone()));
        long me = m.account().id();
        return list.stream()
                .map(x -> new MeetingRow(
                        x.id(),
                        x.slot() == null
                                ? page.t("forum.meeting.unscheduled")
                                : time.format(f.slotStart(x.slot())) + "–" + time.format(f.slotStart(x.slot() + 1)),
                        x.table() == null ? "" : page.t("forum.agenda.table", x.table() + 1),
                        page.t("forum.meeting.state." + x.state()),
                        page.t("forum.priority." + x.priority()),
                        x.parties().stream()
                                .filter(p -> p.accountId() != me)
                                .map(p -> p.name() + " · " + p.organizationName())
                                .toList(),
                        x.note(),
                        x.parties().stream()
                                .anyMatch(p -> p.accountId() == me && p.answer().equals("pending")),
                        x.published()))
                .toList();
    }

    private void agenda(Context ctx, boolean print) {
        ForumAccess.Member m = access.delegate(ctx, PathIds.of(ctx, "forumId"));
        Page page = pages.page(ctx);
        List<MeetingRow> rows = meetingRows(
                m,
                page,
                meetings.meetings(m.forum().id(), m.account().id()).stream()
                        .filter(x -> x.state().equals("accepted") && x.slot() != null)
                        .toList());
        Map<String, Object> model = new HashMap<>();
        model.put("header", header(m, page));
        model.put("rows", rows);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm")
                .withZone(ZoneId.of(m.forum().timeZone()));
        long free = m.delegate().orElseThrow().availability();
        List<ForumPageModel.SlotChoice> slots = new ArrayList<>();
        for (int s = 0; s < m.forum().slots(); s++) {
            slots.add(new ForumPageModel.SlotChoice(
                    s,
                    time.format(m.forum().slotStart(s)) + "–"
                            + time.format(m.forum().slotStart(s + 1)),
                    (free >>> s & 1L) != 0));
        }
        model.put("slots", slots);
        model.put(
                "calendar",
                "/forums/" + m.forum().id() + "/calendar/"
                        + organizations.calendarToken(
                                m.forum().id(), m.account().id()) + "?lang="
                        + page.lang().code());
        pages.render(ctx, print ? "forum/sheet.jte" : "forum/agenda.jte", model);
    }

    /** The agenda feed: the secret token in the URL stands for the delegate, since calendar apps send no cookies. */
    private void calendar(Context ctx) {
        long f = PathIds.of(ctx, "forumId");
        OrganizationStore.Delegate d =
                organizations.byCalendarToken(f, ctx.pathParam("token")).orElseThrow(() -> NotFound.of("calendar", f));
        ForumStore.Forum forum = forums.require(f);
        String ics = AgendaCalendar.of(
                forum,
                d.accountId(),
                ForumRoutes.agenda(forum, meetings.meetings(f, d.accountId())),
                pages.page(ctx),
                clock.instant());
        ctx.header("Content-Disposition", "inline; filename=\"agenda.ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(ics);
    }

    private void consortium(Context ctx) {
        ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
        Page page = pages.page(ctx);
        ProposalStore.Consortium c = proposals.consortium(m.forum().id(), PathIds.of(ctx, "consortiumId"), m.scope());
        pages.render(
                ctx,
                "forum/consortium.jte",
                Map.of(
                        "header",
                        header(m, page),
                        "c",
                        consortiumCard(c, page.lang().code())));
    }

    private void notes(Context ctx) {
        ForumAccess.Member m = access.member(ctx, PathIds.of(ctx, "forumId"));
        long c = PathIds.of(ctx, "consortiumId");
        proposals.setNotes(m.forum().id(), c, m.scope(), ctx.formParam("notes"));
        ctx.redirect("/forums/" + m.forum().id() + "/consortia/" + c, HttpStatus.SEE_OTHER);
    }

    private void taxonomy(Context ctx) {
        ForumAccess.Member m = access.organizer(ctx, PathIds.of(ctx, "forumId"));
        Page page = pages.page(ctx);
        ForumStore.Taxonomy t = forums.taxonomy(m.forum().id());
        String lines = t.capabilities().stream()
                .map(c -> String.join(
                        " | ",
                        c.code(),
                        c.sector(),
                        c.names().get("en"),
                        c.names().get("ja"),
                        c.names().get("ko")))
                .collect(Collectors.joining("\n"));
        pages.render(
                ctx,
                "forum/taxonomy.jte",
                Map.of("header", header(m, page), "capabilities", lines, "markets", String.join(" ", t.markets())));
    }

    /** One capability per line, "code | sector | English | 日本語 | 한국어"; markets as two-letter codes. */
    private void saveTaxonomy(Context ctx) {
        ForumAccess.Member m = access.organizer(ctx, PathIds.of(ctx, "forumId"));
        List<ForumStore.CapabilityInput> capabilities = new ArrayList<>();
        String raw = Optional.ofNullable(ctx.formParam("capabilities")).orElse("");
        for (String line : raw.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String part = parts.length == 5 ? null : "";
            capabilities.add(
                    part == null
                            ? new ForumStore.CapabilityInput(
                                    parts[0].strip(),
                                    parts[1].strip(),
                                    Map.of("en", parts[2].strip(), "ja", parts[3].strip(), "ko", parts[4].strip()))
                            : new ForumStore.CapabilityInput(line.strip(), null, null));
        }
        List<String> markets =
                List.of(Optional.ofNullable(ctx.formParam("markets"))
                                .orElse("")
                                .trim()
                                .split("[\\s,]+"))
                        .stream()
                        .filter(s -> !s.isEmpty())
                        .toList();
        forums.replaceTaxonomy(m.forum().id(), new ForumStore.Taxonomy(capabilities, markets));
        ctx.redirect("/forums/" + m.forum().id() + "/taxonomy", HttpStatus.SEE_OTHER);
    }
}
