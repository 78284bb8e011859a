package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BridgingTest {
    @Test
    void plantedBridgingStatementsScoreHighest() {
        var planted = Conversations.planted(21);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        assertThat(result.bridging().subList(0, planted.bridging))
                .extracting(AnalysisResult.BridgingScore::statement)
                .containsExactlyInAnyOrder(500L, 501L, 502L, 503L);
    }

    @Test
    void aStatementPopularOnlyWithTheLargestGroupDoesNotOutrankOneAgreedAcrossGroups() {
        var builder = VoteMatrix.builder();
        for (int p = 0; p < 90; p++) {
            boolean majority = p < 60;
            for (int s = 0; s < 12; s++) {
                int value = s < 6 ? (majority ? 1 : -1) : (majority ? -1 : 1);
                builder.vote(p, 100 + s, value, p);
            }
            builder.vote(p, 1, majority ? 1 : (p % 3 == 0 ? 1 : -1), p); // partisan: 67 agree, 10 of 30 others
            builder.vote(p, 2, p % 4 == 0 ? -1 : 1, p); // bridging: 3 in 4 of everyone
        }

        var result = Analysis.run(builder.build(), Cohorts.none(), AnalysisOptions.defaults());

        assertThat(result.bridgingOf(2).orElseThrow().score())
                .isGreaterThan(result.bridgingOf(1).orElseThrow().score());
    }

    @Test
    void passesAreNotRatings() {
        var withPasses = VoteMatrix.builder();
        var withoutPasses = VoteMatrix.builder();
        for (int p = 0; p < 20; p++) {
            for (int s = 0; s < 8; s++) {
                int value = (p + s) % 3 == 0 ? -1 : 1;
                withPasses.vote(p, s, value, 0);
                withoutPasses.vote(p, s, value, 0);
            }
            withPasses.vote(p, 99, 0, 0);
        }
        withoutPasses.statement(99);

        var a = Analysis.run(withPasses.build(), Cohorts.none(), AnalysisOptions.defaults());
        var b = Analysis.run(withoutPasses.build(), Cohorts.none(), AnalysisOptions.defaults());

        assertThat(a.bridgingOf(3).orElseThrow().score())
                .isCloseTo(b.bridgingOf(3).orElseThrow().score(), within(1e-3));
        assertThat(a.bridgingOf(99).orElseThrow().score()).isZero();
    }

    @Test
    void aSweepBudgetGivesAnInterimFitThatWarmStartedRerunsCarryToTheFullOne() {
        var planted = Conversations.planted(21);
        var full = Analysis.run(
                planted.votes, planted.cohorts, AnalysisOptions.defaults().withConvergence(false));
        var budget = AnalysisOptions.defaults().withConvergence(false).withBridgingSweeps(3);

        var interim = Analysis.run(planted.votes, planted.cohorts, budget);
        var continued = interim;
        int reruns = 0;
        while (!continued.mapState().bridgingConverged() && reruns < 1000) {
            continued = Analysis.run(planted.votes, planted.cohorts, budget, continued);
            reruns++;
        }

        assertThat(full.mapState().bridgingConverged()).isTrue();
        assertThat(interim.mapState().bridgingConverged()).isFalse();
        assertThat(continued.mapState().bridgingConverged()).isTrue();
        assertThat(reruns).isPositive();
        for (var score : full.bridging()) {
            assertThat(continued.bridgingOf(score.statement()).orElseThrow().score())
                    .as("statement %d", score.statement())
                    .isCloseTo(score.score(), within(1e-3));
        }
    }

    /**
     * Golden digests of the fitted parameters' bits, recorded from the code before the fit was split
     * into named steps (and checked equal then). A change here means the fit's arithmetic changed:
     * say so and by how much in docs/analysis.md, then record the new digests.
     */
    @Test
    void aFitGivesTheSameBitsForAGivenSeedAsRecorded() {
        var planted = Conversations.planted(21);
        try (var parallel = new Parallel(2)) {
            var cold = Bridging.fit(planted.votes, null, null, 5, parallel);
            var interim = Bridging.fit(planted.votes, null, null, 5, parallel, 3);
            var continued = Bridging.fit(planted.votes, null, interim.fitted, 5, parallel, 2);

            assertThat(cold.converged).isTrue();
            assertThat(cold.sweeps).isEqualTo(COLD_SWEEPS);
            assertThat(digest(cold.fitted)).isEqualTo(COLD_DIGEST);
            assertThat(digest(interim.fitted)).isEqualTo(INTERIM_DIGEST);
            assertThat(digest(continued.fitted)).isEqualTo(CONTINUED_DIGEST);
        }
    }

    private static final int COLD_SWEEPS = 120;
    private static final long COLD_DIGEST = 7269777512204385273L;
    private static final long INTERIM_DIGEST = -4918455473254943419L;
    private static final long CONTINUED_DIGEST = 7646398500894986256L;

    /** FNV-1a over the raw bits of μ, then each statement's intercept and factor. */
    static long digest(BridgingState state) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ Double.doubleToRawLongBits(state.mean())) * 0x100000001b3L;
        for (int s = 0; s < state.intercept().length; s++) {
            h = (h ^ Double.doubleToRawLongBits(state.intercept()[s])) * 0x100000001b3L;
            h = (h ^ Double.doubleToRawLongBits(state.factor()[s])) * 0x100000001b3L;
        }
        return h;
    }

    @Test
    void refusesAnEmptySweepBudget() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AnalysisOptions.defaults().withBridgingSweeps(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
