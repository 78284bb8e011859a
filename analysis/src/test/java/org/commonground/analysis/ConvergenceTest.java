package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConvergenceTest {
    @Test
    void automaticWindowsSplitTheConversationsSpanIntoEightCumulativeSteps() {
        var planted = Conversations.planted(31);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        assertThat(result.convergence()).hasSize(8);
        assertThat(result.convergence())
                .extracting(AnalysisResult.ConvergencePoint::votes)
                .isSorted();
        assertThat(result.convergence().getLast().votes()).isEqualTo(result.voteCount());
        assertThat(result.convergence().getLast().until()).isEqualTo(planted.votes.lastVote());
    }

    @Test
    void aGivenWindowSetsTheSpacing() {
        var votes = VoteMatrix.builder()
                .vote(1, 1, 1, Conversations.T0)
                .vote(2, 1, 1, Conversations.T0 + Duration.ofHours(5).toMillis())
                .build();

        var result = Analysis.run(
                votes, Cohorts.none(), AnalysisOptions.defaults().withConvergenceWindow(Duration.ofHours(2)));

        assertThat(result.convergence())
                .extracting(AnalysisResult.ConvergencePoint::until)
                .containsExactly(
                        Instant.ofEpochMilli(Conversations.T0).plus(Duration.ofHours(2)),
                        Instant.ofEpochMilli(Conversations.T0).plus(Duration.ofHours(4)),
                        Instant.ofEpochMilli(Conversations.T0).plus(Duration.ofHours(5)));
        assertThat(result.convergence())
                .extracting(AnalysisResult.ConvergencePoint::votes)
                .containsExactly(1, 1, 2);
    }

    @Test
    void cohortsThatComeToAgreeShowAShrinkingGap() {
        var votes = VoteMatrix.builder();
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 80; p++) {
            boolean jp = p % 2 == 0;
            boolean late = p >= 20;
            cohorts.assign(p, "country", jp ? "JP" : "US");
            for (int s = 0; s < 8; s++) {
                int value = late || jp ? 1 : -1;
                votes.vote(p, s, value, Conversations.T0 + p * Conversations.MINUTE);
            }
        }

        var result = Analysis.run(
                votes.build(), cohorts.build(), AnalysisOptions.defaults().withMinVotesPerCohort(5));

        var first = result.convergence().getFirst();
        var last = result.convergence().getLast();
        assertThat(first.meanGap()).isEqualTo(1.0);
        assertThat(last.meanGap()).isLessThan(0.6);
        assertThat(last.centroidDistance()).isLessThan(first.centroidDistance());
    }

    @Test
    void convergenceCanBeSwitchedOff() {
        var planted = Conversations.planted(32);

        var result = Analysis.run(
                planted.votes, planted.cohorts, AnalysisOptions.defaults().withConvergence(false));

        assertThat(result.convergence()).isEmpty();
    }

    @Test
    void batchedWindowsGiveTheSameHistoryAsRecomputingEachWindowFromACopiedMatrix() {
        var planted = Conversations.planted(33);
        var options = AnalysisOptions.defaults().withMinVotesPerCohort(5).withConvergenceWindow(Duration.ofMinutes(7));
        var bound = planted.cohorts.bind(planted.votes);
        try (var parallel = new Parallel(2)) {
            var full = Snapshot.compute(planted.votes, bound, options, null, null, parallel);
            var state = full.map.state(planted.votes);

            var batched = Convergence.compute(full, bound, options, state, parallel);
            var copied = Convergence.computeBySnapshots(full, bound, options, state, parallel);

            assertThat(batched).hasSizeGreaterThan(Convergence.BATCH);
            assertThat(batched).isEqualTo(copied);
        }
    }

    @Test
    void batchedWindowsMatchTheCopiedMatrixWhenVotersChangeGroupBetweenWindows() {
        var matrix = votersWhoChangeSides();
        var bound = sidesByCountry(matrix);
        var options = AnalysisOptions.defaults().withMinVotesPerCohort(5).withConvergenceWindow(Duration.ofMinutes(90));
        try (var parallel = new Parallel(2)) {
            var full = Snapshot.compute(matrix, bound, options, null, null, parallel);
            var state = full.map.state(matrix);

            var batched = Convergence.compute(full, bound, options, state, parallel);
            var copied = Convergence.computeBySnapshots(full, bound, options, state, parallel);

            int[] ends = Convergence.windowEnds(matrix.lastSecond(), options);
            var halfway = Snapshot.compute(
                    matrix.until(ends[ends.length / 2]), bound, options, state, full.map.components, parallel);
            assertThat(halfway.map.groupCount)
                    .as("groups halfway vs at the end")
                    .isNotEqualTo(full.map.groupCount);
            assertThat(batched).hasSizeGreaterThan(Convergence.BATCH);
            assertThat(batched).isEqualTo(copied);
        }
    }

    @Test
    void aBatchTalliesEachVoteInItsVotersGroupOfEveryWindow() {
        var matrix = votersWhoChangeSides();
        var bound = sidesByCountry(matrix);
        var options = AnalysisOptions.defaults().withConvergenceWindow(Duration.ofMinutes(90));
        try (var parallel = new Parallel(2)) {
            var axes = Snapshot.compute(matrix, bound, options, null, null, parallel).map.components;
            int[] ends = java.util.Arrays.copyOfRange(
                    Convergence.windowEnds(matrix.lastSecond(), options), 6, 6 + Convergence.BATCH);
            var maps = new OpinionMap[ends.length];
            for (int b = 0; b < ends.length; b++) {
                maps[b] = Snapshot.compute(matrix.until(ends[b]), bound, options, null, axes, parallel).map;
            }
            var batch = new Convergence.Batch(
                    matrix, ends, -1, bound, options.minVotesFor(matrix.statementCount()), parallel);

            var tallies = Convergence.tallyGroups(batch, maps, parallel);

            assertThat(maps[0].groupCount).isNotEqualTo(maps[ends.length - 1].groupCount);
            for (int b = 0; b < ends.length; b++) {
                var window = matrix.until(ends[b]);
                assertThat(tallies.of(b, maps[b].groupCount))
                        .as("window %d", b)
                        .isEqualTo(Representativeness.tally(
                                window, maps[b].rows, maps[b].groupOfRow, maps[b].groupCount, parallel));
            }
        }
    }

    /**
     * 150 voters over a day: the first 12 statements split them in two, the last 12 in three, one
     * statement an hour, so as later windows take in later votes, voters move between groups.
     */
    private static VoteMatrix votersWhoChangeSides() {
        var votes = VoteMatrix.builder();
        for (int p = 0; p < 150; p++) {
            for (int s = 0; s < 24; s++) {
                int side = s < 12 ? (p % 2 == 0 ? 1 : -1) : (p % 3 == s % 3 ? 1 : p % 3 == (s + 1) % 3 ? -1 : 0);
                votes.vote(
                        p,
                        s,
                        (p * 7 + s) % 11 == 0 ? -side : side,
                        Conversations.T0 + s * 3_600_000L + p * Conversations.MINUTE);
            }
        }
        return votes.build();
    }

    private static Cohorts.Bound sidesByCountry(VoteMatrix matrix) {
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 150; p++) {
            cohorts.assign(p, "country", p % 4 == 0 ? "JP" : p % 4 == 1 ? "KR" : "US");
        }
        return cohorts.build().bind(matrix);
    }
}
