package org.commonground.results;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.commonground.participation.Votes;
import org.commonground.problem.Unavailable;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;

/** The conversation's latest analysis over HTTP, for whoever its results visibility admits. */
final class ResultsRoutes {
    /** What a 503 suggests: about one recomputation on a busy server. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final Results results;
    private final Tallies tallies;
    private final ResultsReaders readers;
    private final Clock clock;

    ResultsRoutes(Results results, Tallies tallies, ResultsReaders readers, Clock clock) {
        this.results = results;
        this.tallies = tallies;
        this.readers = readers;
        this.clock = clock;
    }

    public void addTo(Api api) {
        api.tag(
                "results",
                "The live analysis (opinion groups, common ground, bridging, cohorts, convergence) and vote tallies, as the conversation's results visibility allows");
        api.get("/api/v1/conversations/{conversationId}/results")
                .id("getResults")
                .caller(Caller.READER)
                .problems(401, 403, 410)
                .tag("results")
                .summary("The latest analysis (groups, consensus, bridging, cohorts, convergence) with its age and the "
                        + "votes it reflects; 503 with Retry-After while the first one is being computed under load")
                .returns(ResultsDocument.class)
                .handle(this::get);
        api.get("/api/v1/conversations/{conversationId}/tallies")
                .id("getTallies")
                .caller(Caller.READER)
                .problems(401, 403, 410)
                .tag("results")
                .summary(
                        "Agree, disagree and pass counts per accepted statement, as the conversation's results visibility allows")
                .returns(new TypeReference<List<Votes.StatementTally>>() {}.getType())
                .handle(ctx -> ctx.json(tallies.of(ctx, PathIds.of(ctx, "conversationId"))));
    }

    private void get(Context ctx) {
        long conversationId = PathIds.of(ctx, "conversationId");
        readers.require(ctx, conversationId);
        LatestResult latest;
        try {
            latest = results.latestOrWait(conversationId);
        } catch (Unavailable busy) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw busy;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(document(latest, clock.instant()));
    }

    /** The engine's JSON with the freshness fields appended to its top-level object. */
    static String document(LatestResult latest, Instant now) {
        String json = latest.analysisJson();
        return json.substring(0, json.length() - 1)
                + ",\"computedAt\":\"" + latest.computedAt() + "\""
                + ",\"ageSeconds\":" + String.format(Locale.ROOT, "%.3f", latest.ageSeconds(now))
                + ",\"votesReflected\":" + latest.votesReflected()
                + ",\"excludedParticipants\":" + latest.excluded().count() + "}";
    }
}
