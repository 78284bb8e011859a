package org.commonground.report;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.commonground.analysis.AnalysisResult;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.participation.Votes;
import org.commonground.results.LatestResult;
import org.commonground.results.Results;
import org.commonground.results.ResultsReaders;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.SpreadsheetSafeCsv;

/**
 * The results page of a conversation, with the map, groups, common ground, divides and charts, and
 * its CSV and JSON downloads. Everything comes from {@link Results}.
 */
final class ReportPages {
    /** The dimension the report compares: country when the conversation has it, else its first one. */
    static final String PREFERRED_DIMENSION = "country";

    private final Pages pages;
    private final Readable readable;
    private final ResultsReaders readers;
    private final Results results;
    private final ReportQueries queries;
    private final ShownStatements shown;
    private final Votes votes;
    private final BiFunction<Context, Long, Optional<Long>> participantOf;
    /**
     * Each conversation's replay for its latest result: a page view replays the history once per
     * new result, not once per view (the live page reloads itself every 30 s for every reader).
     */
    private final Map<Long, Replayed> replays = new ConcurrentHashMap<>();

    private record Replayed(LatestResult of, VoteReplay replay) {}

    /**
     * @param participantOf the id of the request's participant in a conversation, if it is one (their
     *                      own dot on the map)
     */
    ReportPages(
            Pages pages,
            Readable readable,
            ResultsReaders readers,
            Results results,
            ReportQueries queries,
            ShownStatements shown,
            Votes votes,
            BiFunction<Context, Long, Optional<Long>> participantOf) {
        this.pages = pages;
        this.readable = readable;
        this.readers = readers;
        this.results = results;
        this.queries = queries;
        this.shown = shown;
        this.votes = votes;
        this.participantOf = participantOf;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/c/{conversationId}/results", this::page);
        routes.get("/c/{conversationId}/results.json", this::json);
        routes.get("/c/{conversationId}/results.csv", this::csv);
        routes.get("/c/{conversationId}/you", this::standing);
    }

    /**
     * "Where you stand": the map with the participant's own dot and group, and how each cohort voted
     * on the statements they voted on.
     */
    private void standing(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        Optional<Long> you = participantOf.apply(ctx, id);
        if (you.isEmpty()) {
            ctx.redirect("/c/" + id);
            return;
        }
        // The map and the cohorts' splits are results: organizers-only conversations keep them from participants.
        readers.require(ctx, id);
        Page page = pages.page(ctx);
        Optional<LatestResult> latest = results.latest(c.id());
        if (latest.isEmpty()) {
            pending(ctx, c);
            return;
        }
        ReportView.Inputs in = inputs(c, page.lang(), you.get(), latest.get());
        ReportView view = ReportView.of(in, page);
        AnalysisResult r = in.snapshot().result();
        int group = MapView.groupOf(r, you.get());
        List<Votes.CurrentVote> current = votes.currentVotes(you.get());
        List<MyVote> mine = new ArrayList<>();
        for (Votes.CurrentVote vote : current) {
            var shownStatement = in.texts().get(vote.statementId());
            if (shownStatement != null) {
                mine.add(new MyVote(
                        shownStatement,
                        vote.vote().code(),
                        ReportView.cohortBars(in, r.cohorts(), vote.statementId(), page)));
            }
        }
        pages.render(
                ctx,
                "report/you.jte",
                Map.of(
                        "report",
                        view,
                        "onMap",
                        view.map().you() != null,
                        "group",
                        group < 0 ? "" : page.t("report.group", MapView.letter(group)),
                        "mine",
                        mine,
                        "standing",
                        Standing.of(in, current, page)));
    }

    private Conversation allowed(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        readers.require(ctx, id);
        return c;
    }

    private void page(Context ctx) {
        Conversation c = allowed(ctx);
        Page page = pages.page(ctx);
        Long you = participantOf.apply(ctx, c.id()).orElse(null);
        Optional<LatestResult> latest = results.latest(c.id());
        if (latest.isEmpty()) {
            pending(ctx, c);
            return;
        }
        ReportView view = ReportView.of(inputs(c, page.lang(), you, latest.get()), page);
        pages.render(ctx, "report/report.jte", Map.of("report", view));
    }

    /** The first analysis of the conversation is still running: a page that reloads itself shortly. */
    private void pending(Context ctx, Conversation c) {
        pages.render(
                ctx,
                "report/pending.jte",
                Map.of("conversationId", c.id(), "title", Readable.title(c, Language.of(ctx))));
    }

    ReportView.Inputs inputs(Conversation c, Language reader, Long you, LatestResult snapshot) {
        String dimension = dimension(c);
        List<String> values =
                c.cohort(dimension).map(Conversation.CohortDimension::values).orElse(List.of());
        Map<Long, String> cohortOf = dimension == null ? Map.of() : queries.cohortOf(c, dimension);
        return new ReportView.Inputs(
                c.id(),
                Readable.title(c, reader),
                c.state().name().equals("OPEN"),
                snapshot,
                shown.all(c.id(), reader),
                queries.totals(c.id()),
                dimension,
                values,
                cohortOf,
                ReportQueries.FirstVote.of(snapshot.firstVotes(), cohortOf),
                you,
                Instant.now(),
                replay(c.id(), snapshot, cohortOf, values));
    }

    /**
     * The replay of the votes the snapshot reflects: the history is read in the order cast up to the
     * snapshot's count of vote events, so the replay counts exactly the votes the engine counted.
     */
    private VoteReplay replay(long id, LatestResult snapshot, Map<Long, String> cohortOf, List<String> values) {
        Replayed cached = replays.get(id);
        if (cached != null && cached.of() == snapshot) {
            return cached.replay();
        }
        VoteReplay.Replayer replayer = VoteReplay.of(snapshot.result(), cohortOf, values, ReportView.MIN_VOTES);
        long[] seen = {0};
        long reflected = snapshot.votesReflected();
        votes.voteHistory(id, (participant, statement, value, at) -> {
            if (reflected <= 0 || seen[0]++ < reflected) {
                replayer.vote(participant, statement, value, at);
            }
        });
        VoteReplay replay = replayer.finish();
        replays.put(id, new Replayed(snapshot, replay));
        return replay;
    }

    static String dimension(Conversation c) {
        if (c.cohort(PREFERRED_DIMENSION).isPresent() || c.cohorts().isEmpty()) {
            return PREFERRED_DIMENSION;
        }
        return c.cohorts().getFirst().name();
    }

    private void json(Context ctx) {
        Conversation c = allowed(ctx);
        LatestResult latest = results.latestOrWait(c.id());
        ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + c.id() + "-results.json\"");
        ctx.contentType("application/json; charset=utf-8").result(latest.analysisJson());
    }

    /** One row per statement: text, totals, consensus and bridging scores, and each cohort's split. */
    private void csv(Context ctx) {
        Conversation c = allowed(ctx);
        Language reader = Language.of(ctx);
        AnalysisResult r = results.latestOrWait(c.id()).result();
        var texts = shown.all(c.id(), reader);
        var totals = queries.totals(c.id());
        Map<Long, Double> consensus = new HashMap<>();
        r.groupInformedConsensus().forEach(g -> consensus.put(g.statement(), g.score()));
        Map<Long, Double> bridging = new HashMap<>();
        r.bridging().forEach(b -> bridging.put(b.statement(), b.score()));
        List<String> header = new ArrayList<>(List.of(
                "statement_id",
                "original_lang",
                "original_text",
                "agree",
                "disagree",
                "pass",
                "group_informed_consensus",
                "bridging",
                "common_ground"));
        List<String[]> cohorts = new ArrayList<>();
        for (String dim : r.cohorts().dimensions()) {
            for (String value : r.cohorts().values(dim)) {
                cohorts.add(new String[] {dim, value});
                for (String v : List.of("agree", "disagree", "pass")) {
                    header.add(dim + ":" + value + ":" + v);
                }
            }
        }
        StringWriter out = new StringWriter();
        try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, CSVFormat.DEFAULT)) {
            csv.row(header);
            for (long id : texts.keySet().stream().sorted().toList()) {
                var t = texts.get(id);
                var total = totals.get(id);
                List<Object> row = new ArrayList<>(List.of(
                        id,
                        t.originalLang(),
                        t.originalText(),
                        total == null ? 0 : total.agree(),
                        total == null ? 0 : total.disagree(),
                        total == null ? 0 : total.pass(),
                        consensus.getOrDefault(id, 0.0),
                        bridging.getOrDefault(id, 0.0),
                        r.commonGround().contains(id)));
                for (String[] dv : cohorts) {
                    var tally = r.cohorts().tally(dv[0], dv[1], id);
                    row.add(tally.map(x -> x.agree()).orElse(0));
                    row.add(tally.map(x -> x.disagree()).orElse(0));
                    row.add(tally.map(x -> x.pass()).orElse(0));
                }
                csv.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + c.id() + "-results.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }
}
