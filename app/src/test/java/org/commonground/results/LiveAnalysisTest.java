package org.commonground.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.commonground.testing.Eventually.eventually;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commonground.analysis.Projection;
import org.commonground.participation.Votes;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Taker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live analysis as the vote path and the routing use it, over a real database. */
class LiveAnalysisTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    static ParticipationGiven given;

    @BeforeAll
    static void arrange() {
        given = new ParticipationGiven(database.get());
    }

    private static LiveAnalysis live() {
        return new LiveAnalysis(given.jdbi, 1, 4, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** Six participants split over four statements, voted through the real vote store, which reports to {@code live}. */
    private static List<Long> splitConversation(Conversation c, Votes votes) {
        List<Long> statements = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            statements.add(given.statement(c, "Routing statement " + s));
        }
        for (int p = 0; p < 6; p++) {
            Taker t = given.participant(c);
            for (int s = 0; s < 4; s++) {
                boolean agree = (s < 2) == (p < 3);
                votes.cast(
                        c.id(),
                        t.token(),
                        statements.get(s),
                        agree
                                ? org.commonground.participation.Vote.AGREE
                                : org.commonground.participation.Vote.DISAGREE);
            }
        }
        return statements;
    }

    @Test
    void historyInTheDatabaseAndVotesReportedLaterMakeOneResult() {
        Conversation c = given.openConversation();
        List<Long> statements = splitConversation(c, Votes.over(given.jdbi)); // before the server knew it
        try (LiveAnalysis live = live()) {
            Votes reporting = Votes.over(given.jdbi, live, 1);
            Taker late = given.participant(c);

            reporting.cast(c.id(), late.token(), statements.getFirst(), org.commonground.participation.Vote.PASS);
            LatestResult result = awaitVotes(live, c, 25);

            assertThat(result.votesReflected()).isEqualTo(25);
            assertThat(result.result().voteCount()).isEqualTo(25);
            assertThat(result.result()
                            .tally("country", "JP", statements.getFirst())
                            .orElseThrow()
                            .pass())
                    .isEqualTo(1);
        }
    }

    @Test
    void extremityIsTheStatementsDistanceFromTheCentreOfTheMap() {
        Conversation c = given.openConversation();
        try (LiveAnalysis live = live()) {
            List<Long> statements = splitConversation(c, Votes.over(given.jdbi, live, 1));

            LatestResult result = awaitVotes(live, c, 24);
            long unvoted = given.statement(c, "Written after the latest result");

            Projection map = result.result().statementProjection();
            for (long s : statements) {
                Projection.Position p = map.of(s).orElseThrow();
                assertThat(live.of(c.id(), s))
                        .isCloseTo(Math.hypot(p.x(), p.y()), within(1e-12))
                        .isPositive();
            }
            assertThat(live.of(c.id(), unvoted))
                    .as("not in a result yet: the routing's neutral value")
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aConversationNotInMemoryHasNeutralExtremityAndStartsLoading() {
        Conversation c = given.openConversation();
        List<Long> statements = splitConversation(c, Votes.over(given.jdbi));
        try (LiveAnalysis live = live()) {
            assertThat(live.of(c.id(), statements.getFirst())).isEqualTo(1.0);

            LatestResult result = awaitVotes(live, c, 24);

            assertThat(result.result().participantCount()).isEqualTo(6);
        }
    }

    @Test
    void anInterimBridgingFitIsCarriedOnWithoutNewVotesUntilItConverges() {
        Conversation c = given.openConversation();
        splitConversation(c, Votes.over(given.jdbi)); // all in the history: the first computation is a cold fit
        try (LiveAnalysis live = new LiveAnalysis(given.jdbi, 1, 4, Duration.ofSeconds(30), Clock.systemUTC(), 10)) {
            LatestResult first = live.latestOrWait(c.id());

            LatestResult latest = eventually(
                    Duration.ofSeconds(60),
                    () -> live.latest(c.id()).orElseThrow(),
                    r -> r.result().mapState().bridgingConverged());

            assertThat(first.result().mapState().bridgingConverged())
                    .as("a cold fit of this split takes 4 runs of 10 sweeps")
                    .isFalse();
            assertThat(latest.result().mapState().bridgingConverged())
                    .as("converged within 60 s")
                    .isTrue();
            assertThat(latest.votesReflected()).isEqualTo(24);
            assertThat(latest.computedAt()).isAfter(first.computedAt());
        }
    }

    private static LatestResult awaitVotes(LiveAnalysis live, Conversation c, long votes) {
        LatestResult r = eventually(
                Duration.ofSeconds(30),
                () -> live.latest(c.id()).orElse(null),
                latest -> latest != null && latest.votesReflected() == votes);
        if (r != null && r.votesReflected() == votes) {
            return r;
        }
        throw new AssertionError("no result with " + votes + " votes within 30 s: "
                + live.latest(c.id()).map(LatestResult::votesReflected));
    }
}
