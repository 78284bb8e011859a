package org.commonground.dialogue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.analysis.GapVerdict;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Readable;
import org.commonground.conversation.SeedTranslations;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.TooManyRequests;
import org.commonground.report.GroupFlowChart;
import org.commonground.report.MapView;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.Throttles;

/**
 * The dialogue's public page (rounds, schedule in the reader's zone, returning, the analysis across
 * rounds with its charts), the return link and recovery, and the organizer's pages to create a
 * dialogue, open the next round with carried statements and set the schedule.
 */
final class DialoguePages {
    private final Pages pages;
    private final DialogueStore dialogues;
    private final Organizing organizing;
    private final ReturningParticipants returning;
    private final DialogueViews views;
    private final DialogueAnalysis analysis;
    private final ConversationCatalog conversations;
    private final ShownStatements shown;
    private final Access access;
    private final Authentication authentication;
    private final Throttles throttles;
    private final boolean secureCookies;
    private final Turnout turnout;
    private final SeedTranslations seedTranslations;

    DialoguePages(
            Pages pages,
            DialogueStore dialogues,
            Organizing organizing,
            ReturningParticipants returning,
            DialogueViews views,
            DialogueAnalysis analysis,
            ConversationCatalog conversations,
            ShownStatements shown,
            Access access,
            Authentication authentication,
            Throttles throttles,
            boolean secureCookies,
            Turnout turnout,
            SeedTranslations seedTranslations) {
        this.turnout = turnout;
        this.seedTranslations = seedTranslations;
        this.pages = pages;
        this.dialogues = dialogues;
        this.organizing = organizing;
        this.returning = returning;
        this.views = views;
        this.analysis = analysis;
        this.conversations = conversations;
        this.shown = shown;
        this.access = access;
        this.authentication = authentication;
        this.throttles = throttles;
        this.secureCookies = secureCookies;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/d/{dialogueId}", ctx -> show(ctx, null));
        routes.post("/d/{dialogueId}/returning", this::consent);
        routes.get("/d/{dialogueId}/r/{token}", this::returnByLink);
        routes.post("/d/{dialogueId}/recover", this::recover);
        routes.get("/organize/dialogues", ctx -> list(ctx, Map.of()));
        routes.post("/organize/dialogues", this::create);
        routes.get("/organize/d/{dialogueId}", ctx -> manage(ctx, Map.of(), null));
        routes.post("/organize/d/{dialogueId}/rounds", this::nextRound);
        routes.post("/organize/d/{dialogueId}/rounds/{number}/schedule", this::schedule);
    }

    private void show(Context ctx, String notice) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        pages.render(ctx, "dialogue/dialogue.jte", Map.of("d", view(ctx, d, notice)));
    }

    DialoguePage.View view(Context ctx, Dialogue d, String notice) {
        Page page = pages.page(ctx);
        Language reader = page.lang();
        ReaderZone zone = ReaderZone.of(ctx, secureCookies);
        DialogueViews.DialogueView v = views.of(d, reader);
        List<DialoguePage.RoundRow> rows = new ArrayList<>();
        for (DialogueViews.RoundView r : v.rounds()) {
            rows.add(new DialoguePage.RoundRow(
                    r.number(),
                    r.conversationId(),
                    r.title(),
                    r.url(),
                    r.resultsUrl(),
                    r.state().code(),
                    moment(r.opensAt(), zone, reader),
                    moment(r.closesAt(), zone, reader),
                    r.carriedStatements(),
                    zone.local(r.opensAt()),
                    zone.local(r.closesAt())));
        }
        String state = returning.participantOf(ctx, d).isEmpty()
                ? "none"
                : returning.isReturning(ctx, d) ? "returning" : "can-consent";
        boolean organizer =
                authentication.account(ctx).map(a -> Organizing.organizes(a, d)).orElse(false);
        return new DialoguePage.View(
                d.id(),
                v.title(),
                v.description(),
                v.language().code(),
                List.copyOf(rows),
                zone.name(reader, Instant.now()),
                zone.fromBrowser(),
                v.current().map(DialogueViews.RoundView::url).orElse(""),
                state,
                analysisOf(ctx, d, page),
                organizer,
                notice == null ? "" : notice);
    }

    private static DialoguePage.Moment moment(Instant at, ReaderZone zone, Language lang) {
        return at == null
                ? new DialoguePage.Moment("", "")
                : new DialoguePage.Moment(at.toString(), zone.format(at, lang));
    }

    private DialoguePage.Analysis analysisOf(Context ctx, Dialogue d, Page page) {
        Optional<CrossRounds.Analysed> analysed = analysis.analysed(ctx, d);
        if (analysed.isEmpty()) {
            return new DialoguePage.Analysis("", "", List.of(), List.of(), "", true);
        }
        CrossRounds.Analysed a = analysed.get();
        DialogueViews.CrossRoundView cv = views.of(a, d.id(), page);
        List<DialogueViews.TrendView> leading = cv.trends().stream()
                .filter(t -> a.result().pairs().getFirst().first().equals(t.first())
                        && a.result().pairs().getFirst().second().equals(t.second()))
                .toList();
        String pair = a.result().pairs().isEmpty()
                ? ""
                : DialogueViews.pairName(page, a.result().pairs().getFirst());
        List<DialoguePage.TrendBlock> blocks = new ArrayList<>();
        for (DialogueViews.TrendView t : leading) {
            blocks.add(block(page, t));
        }
        long shrank = leading.stream()
                .filter(t -> t.overall().verdict() == GapVerdict.SHRANK)
                .count();
        long none = leading.stream()
                .filter(t -> t.overall().verdict() == GapVerdict.NO_CLEAR_CHANGE)
                .count();
        long grew = leading.stream()
                .filter(t -> t.overall().verdict() == GapVerdict.GREW)
                .count();
        String summary =
                page.t("dialogue.analysis.summary", leading.size(), shrank, none, grew, cv.returningPeople(), pair);
        List<DialoguePage.TransitionBlock> transitions = new ArrayList<>();
        for (DialogueViews.TransitionView t : cv.transitions()) {
            List<String> columns = new ArrayList<>();
            for (int g : DialogueViews.slots(t.toGroups())) {
                columns.add(slotName(page, g, true));
            }
            List<DialoguePage.TransitionRow> tr = new ArrayList<>();
            int[] from = DialogueViews.slots(t.fromGroups());
            for (int i = 0; i < from.length; i++) {
                tr.add(new DialoguePage.TransitionRow(
                        slotName(page, from[i], false), t.counts().get(i)));
            }
            transitions.add(new DialoguePage.TransitionBlock(
                    page.t("dialogue.transitions.caption", t.fromRound(), t.toRound(), t.returning()),
                    List.copyOf(columns),
                    List.copyOf(tr)));
        }
        List<Integer> numbers = cv.rounds();
        String flow = a.result().transitions().isEmpty()
                ? ""
                : GroupFlowChart.svg(
                        a.result().transitions(),
                        new GroupFlowChart.Labels(
                                page.t("dialogue.flow.title"),
                                page.t("dialogue.flow.description"),
                                r -> page.t("dialogue.round.name", numbers.get(r)),
                                g -> page.t("report.group", MapView.letter(g)),
                                page.t("dialogue.flow.ungrouped"),
                                page.t("dialogue.flow.left"),
                                page.t("dialogue.flow.joined")));
        return new DialoguePage.Analysis(pair, summary, List.copyOf(blocks), List.copyOf(transitions), flow, false);
    }

    private static String slotName(Page page, int slot, boolean column) {
        if (slot >= 0) {
            return page.t("report.group", MapView.letter(slot));
        }
        if (slot == org.commonground.analysis.GroupTransitions.UNGROUPED) {
            return page.t("dialogue.flow.ungrouped");
        }
        return page.t(column ? "dialogue.flow.left" : "dialogue.flow.new");
    }

    private static DialoguePage.TrendBlock block(Page page, DialogueViews.TrendView t) {
        String first = page.cohort("country", t.first());
        String second = page.cohort("country", t.second());
        List<DialoguePage.TrendRow> rows = new ArrayList<>();
        List<TrendChart.Point> a = new ArrayList<>();
        List<TrendChart.Point> b = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (DialogueViews.RoundGapView g : t.rounds()) {
            String round = page.t("dialogue.round.name", g.round());
            labels.add(round);
            DialoguePage.Cell ca = cell(page, first, round, g.first());
            DialoguePage.Cell cb = cell(page, second, round, g.second());
            rows.add(new DialoguePage.TrendRow(
                    round,
                    ca,
                    cb,
                    page.t(
                            "dialogue.gap.cell",
                            DialogueViews.signed(g.gap()),
                            DialogueViews.signed(g.low()),
                            DialogueViews.signed(g.high()))));
            a.add(new TrendChart.Point(
                    g.first().rate(), g.first().low(), g.first().high(), ca.title()));
            b.add(new TrendChart.Point(
                    g.second().rate(), g.second().low(), g.second().high(), cb.title()));
        }
        String id = "trend-" + t.statementId();
        String svg = TrendChart.svg(
                id,
                page.t("dialogue.trend.title", first, second),
                page.t("dialogue.trend.description", t.text()),
                labels,
                List.of(new TrendChart.Line(first, a), new TrendChart.Line(second, b)));
        List<String> earlier = t.changes().subList(0, t.changes().size() - 1).stream()
                .map(DialogueViews.ChangeView::sentence)
                .toList();
        return new DialoguePage.TrendBlock(
                id,
                t.text(),
                t.lang(),
                t.overall().sentence(),
                t.overall().verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                svg,
                earlier,
                List.copyOf(rows));
    }

    private static DialoguePage.Cell cell(Page page, String cohort, String round, DialogueViews.CohortAgreement c) {
        String text = page.t(
                "dialogue.agree.cell",
                page.percent(c.rate()),
                page.percent(c.low()),
                page.percent(c.high()),
                c.votes());
        return new DialoguePage.Cell(text, page.t("dialogue.agree.title", cohort, round, text));
    }

    private void consent(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        Page page = pages.page(ctx);
        if (!"yes".equals(ctx.formParam("consent"))) {
            ctx.status(422);
            pages.render(
                    ctx,
                    "dialogue/dialogue.jte",
                    Map.of("d", view(ctx, d, page.t("dialogue.returning.consent-needed"))));
            return;
        }
        ReturningParticipants.Pass pass = returning.consent(ctx, d);
        String continueUrl =
                views.of(d, page.lang()).current().map(r -> r.url() + "/vote").orElse("/d/" + d.id());
        renderPass(ctx, d, pass.returnToken(), pass.recoveryCode(), continueUrl);
    }

    private void renderPass(Context ctx, Dialogue d, String token, String code, String continueUrl) {
        ctx.header("Cache-Control", "no-store");
        String base = ctx.scheme() + "://" + ctx.host();
        pages.render(
                ctx,
                "dialogue/pass.jte",
                Map.of(
                        "p",
                        new DialoguePage.Pass(
                                d.id(),
                                d.text(pages.page(ctx).lang()).title(),
                                base + DialogueRoutes.returnUrl(d, token),
                                code == null ? "" : code,
                                continueUrl)));
    }

    private void returnByLink(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        try {
            throttles.join(ctx, null);
            ReturningParticipants.Back back = returning.byLink(d, ctx.pathParam("token"), Language.of(ctx));
            returning.remember(ctx, back);
            ctx.redirect("/c/" + back.round().conversationId() + "/vote");
        } catch (TooManyRequests e) {
            Throttles.refused(ctx, e);
            show(ctx, pages.page(ctx).t(e.messageKey(), e.args()));
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            show(ctx, pages.page(ctx).t(e.messageKey(), e.args()));
        }
    }

    private void recover(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        Page page = pages.page(ctx);
        try {
            throttles.join(ctx, null);
            ReturningParticipants.Back back = returning.byCode(d, ctx.formParam("code"), page.lang());
            returning.remember(ctx, back);
            String token = returning.renewLink(back.personId());
            renderPass(ctx, d, token, null, "/c/" + back.round().conversationId() + "/vote");
        } catch (TooManyRequests e) {
            Throttles.refused(ctx, e);
            show(ctx, page.t(e.messageKey(), e.args()));
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            show(ctx, message);
        }
    }

    // --- organizers

    private void list(Context ctx, Map<String, String> errors) {
        Account me = access.requireAccount(ctx);
        Language reader = Language.of(ctx);
        List<DialoguePage.Listed> rows = new ArrayList<>();
        for (Dialogue d : dialogues.newest(DialogueRoutes.LISTED)) {
            if (Organizing.organizes(me, d)) {
                DialogueViews.DialogueView v = views.of(d, reader);
                rows.add(new DialoguePage.Listed(
                        d.id(),
                        v.title(),
                        d.rounds().size(),
                        v.current().map(r -> String.valueOf(r.number())).orElse("")));
            }
        }
        List<DialoguePage.Candidate> candidates = new ArrayList<>();
        for (Conversation c : conversations.visibleTo(Optional.of(me), Long.MAX_VALUE, 100)) {
            if (access.has(me, c.id(), Set.of("organizer")) && c.state() != ConversationState.ARCHIVED) {
                candidates.add(new DialoguePage.Candidate(c.id(), Readable.title(c, reader)));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("candidates", candidates);
        model.put("errors", errors);
        model.put("canCreate", me.isAdmin() || me.role() == org.commonground.account.Role.ORGANIZER);
        pages.render(ctx, "dialogue/organize-list.jte", model);
    }

    private void create(Context ctx) {
        Account me = organizing.requireCreator(ctx);
        Map<String, Dialogue.DialogueText> texts = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            String title = Optional.ofNullable(ctx.formParam("title_" + l.code()))
                    .orElse("")
                    .strip();
            if (!title.isEmpty()) {
                texts.put(
                        l.code(),
                        new Dialogue.DialogueText(
                                title,
                                Optional.ofNullable(ctx.formParam("description_" + l.code()))
                                        .orElse("")
                                        .strip()));
            }
        }
        String first =
                Optional.ofNullable(ctx.formParam("conversation")).orElse("").strip();
        try {
            Long conversationId = first.isEmpty() ? null : Long.parseLong(first);
            Dialogue d = organizing.create(me, new Organizing.NewDialogue(texts, conversationId, null, null));
            ctx.redirect("/organize/d/" + d.id());
        } catch (NumberFormatException e) {
            ctx.status(422);
            list(ctx, Map.of("form", pages.page(ctx).t("problem.invalid-input")));
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            list(ctx, errors(e, pages.page(ctx)));
        }
    }

    private void manage(Context ctx, Map<String, String> errors, String notice) {
        long id = PathIds.of(ctx, "dialogueId");
        organizing.requireOrganizer(ctx, id);
        Dialogue d = dialogues.get(id);
        organizing.applySchedule(d);
        Page page = pages.page(ctx);
        DialoguePage.View v = view(ctx, d, notice);
        Map<Long, ShownStatements.Shown> last = shown.all(d.last().conversationId(), page.lang());
        Map<Long, Map<Language, String>> translated = seedTranslations.shown(last.keySet());
        List<DialoguePage.Carryable> carryable = last.values().stream()
                .sorted(java.util.Comparator.comparingLong(ShownStatements.Shown::id))
                .map(s -> new DialoguePage.Carryable(
                        s.id(),
                        s.text(),
                        true,
                        s.originalLang(),
                        s.originalText(),
                        translated.getOrDefault(s.id(), Map.of())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("d", v);
        model.put("carryable", carryable);
        model.put("errors", errors);
        model.put("figures", forOrganizers(d, page, ReaderZone.of(ctx, secureCookies)));
        pages.render(ctx, "dialogue/organize.jte", model);
    }

    /** Participation by cohort per round (the report's line chart), return rates, and the last round's votes per participant. */
    private DialoguePage.ForOrganizers forOrganizers(Dialogue d, Page page, ReaderZone zone) {
        List<Conversation.CohortDimension> dimensions =
                conversations.get(d.last().conversationId()).cohorts();
        Conversation.CohortDimension dimension = dimensions.stream()
                .filter(x -> x.name().equals("country"))
                .findFirst()
                .orElse(dimensions.isEmpty() ? null : dimensions.getFirst());
        String name = dimension == null ? "country" : dimension.name();
        Turnout.Participation p = turnout.of(d, name);
        List<String> values = new ArrayList<>(dimension == null ? List.of() : dimension.values());
        for (Turnout.Round r : p.rounds()) {
            for (String value : r.byValue().keySet()) {
                if (value != null && !values.contains(value)) {
                    values.add(value);
                }
            }
        }
        values.add(null); // those who did not say
        List<Turnout.Round> timed = p.rounds().stream()
                .filter(r -> r.at() != null)
                .sorted(java.util.Comparator.comparing(Turnout.Round::at))
                .toList();
        List<java.time.Instant> times = timed.stream().map(Turnout.Round::at).toList();
        List<org.commonground.report.LineChart.Data> data = new ArrayList<>();
        List<DialoguePage.Legend> legend = new ArrayList<>();
        double most = 1;
        Turnout.Round latest = p.rounds().getLast();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            double[] counts = new double[timed.size()];
            int total = 0;
            for (int t = 0; t < timed.size(); t++) {
                counts[t] = timed.get(t).byValue().getOrDefault(value, 0);
                total += (int) counts[t];
                most = Math.max(most, counts[t]);
            }
            if (value == null && total == 0) {
                continue;
            }
            String css = value == null || i > 5 ? "kx" : "k" + i;
            String label = page.cohort(name, value);
            data.add(new org.commonground.report.LineChart.Data(label, css, counts));
            legend.add(new DialoguePage.Legend(label, css, latest.byValue().getOrDefault(value, 0)));
        }
        var chart = org.commonground.report.LineChart.of(
                times,
                data,
                org.commonground.report.ReportView.niceCeiling(most),
                x -> page.number(Math.round(x)),
                at -> java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(page.lang().locale())
                        .withZone(zone.zone())
                        .format(at));
        List<DialoguePage.ReturnRow> returns = p.returns().stream()
                .map(r -> new DialoguePage.ReturnRow(
                        r.from(), r.to(), r.participants(), r.returned(), page.percent(r.rate())))
                .toList();
        Turnout.Round voted = p.rounds().reversed().stream()
                .filter(r -> r.participants() > 0)
                .findFirst()
                .orElse(latest);
        int[] sorted = voted.votesPerParticipant().clone();
        java.util.Arrays.sort(sorted);
        String median = sorted.length == 0
                ? ""
                : page.number(
                        sorted.length % 2 == 1
                                ? sorted[sorted.length / 2]
                                : Math.round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0));
        return new DialoguePage.ForOrganizers(
                name,
                chart,
                legend,
                returns,
                org.commonground.report.Histogram.of(sorted, x -> page.number(Math.round(x))),
                voted.number(),
                sorted.length,
                median);
    }

    private void nextRound(Context ctx) {
        long id = PathIds.of(ctx, "dialogueId");
        Account me = organizing.requireOrganizer(ctx, id);
        Dialogue d = dialogues.get(id);
        ReaderZone zone = ReaderZone.of(ctx, secureCookies);
        try {
            List<Long> carry =
                    ctx.formParams("carry").stream().map(Long::parseLong).toList();
            Organizing.NextRound in = new Organizing.NextRound(
                    carry,
                    null,
                    zone.read(ctx.formParam("opensAt")).orElse(null),
                    zone.read(ctx.formParam("closesAt")).orElse(null),
                    "on".equals(ctx.formParam("open")),
                    "on".equals(ctx.formParam("closePrevious")));
            Dialogue updated = organizing.nextRound(me, d, in);
            ctx.redirect(
                    "/organize/d/" + updated.id() + "?opened=" + updated.last().number());
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            manage(ctx, Map.of("next", pages.page(ctx).t("problem.invalid-input")), null);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(
                    ctx,
                    Map.of(
                            "next",
                            errors(e, pages.page(ctx)).values().stream()
                                    .reduce((a, b) -> a + " " + b)
                                    .orElse("")),
                    null);
        }
    }

    private void schedule(Context ctx) {
        long id = PathIds.of(ctx, "dialogueId");
        organizing.requireOrganizer(ctx, id);
        Dialogue d = dialogues.get(id);
        int number = (int) Math.min(Integer.MAX_VALUE, PathIds.of(ctx, "number"));
        ReaderZone zone = ReaderZone.of(ctx, secureCookies);
        String key = "schedule-" + number;
        try {
            organizing.schedule(
                    d,
                    number,
                    new Organizing.RoundSchedule(
                            zone.read(ctx.formParam("opensAt")).orElse(null),
                            zone.read(ctx.formParam("closesAt")).orElse(null)));
            ctx.redirect("/organize/d/" + id + "?scheduled=" + number);
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            manage(ctx, Map.of(key, pages.page(ctx).t("problem.invalid-input")), null);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(
                    ctx,
                    Map.of(
                            key,
                            errors(e, pages.page(ctx)).values().stream()
                                    .reduce((a, b) -> a + " " + b)
                                    .orElse("")),
                    null);
        }
    }

    private static Map<String, String> errors(CommonGroundException e, Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        if (e.fieldErrors().isEmpty()) {
            out.put("form", page.t(e.messageKey(), e.args()));
        }
        for (CommonGroundException.FieldError f : e.fieldErrors()) {
            out.merge(
                    f.field().startsWith("carry") ? "next" : "form",
                    page.t(f.messageKey(), f.args()),
                    (a, b) -> a + " " + b);
        }
        return out;
    }
}
