package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatentClassesTest {
    @Test
    void findsFourGroupsWhereEachAgreesOnlyWithItsOwnStatements() {
        var planted = new Conversations.Planted(400, 40, 4, 4, 0.7, 0.2, 11);

        var result = Analysis.run(
                planted.votes,
                planted.cohorts,
                AnalysisOptions.defaults().withSeed(1).withConvergence(false));

        assertThat(result.groups()).hasSize(4);
        assertThat(purity(planted, result)).isGreaterThan(0.95);
    }

    @Test
    void onSparseVotesTheDefaultRecoversThePlantedGroupsAtLeastAsWellAsPolisKMeans() {
        var planted = new Conversations.Planted(1500, 120, 3, 10, 0.12, 0.35, 12);
        var options = AnalysisOptions.defaults().withSeed(1).withConvergence(false);

        var ours = Analysis.run(planted.votes, planted.cohorts, options);
        var polis = Analysis.run(planted.votes, planted.cohorts, options.withMethod(AnalysisOptions.Method.POLIS));

        assertThat(ours.groups()).hasSize(3);
        assertThat(purity(planted, ours))
                .isGreaterThanOrEqualTo(purity(planted, polis))
                .isGreaterThan(0.9);
    }

    @Test
    void aWarmStartAfterMoreVotesKeepsTheNumberOfGroupsAndTheirMembers() {
        var planted = new Conversations.Planted(600, 40, 4, 4, 0.5, 0.3, 13);
        var options = AnalysisOptions.defaults().withSeed(3).withConvergence(false);
        var earlier = VoteMatrix.builder();
        for (int p = 0; p < 560; p++) {
            long id = Conversations.Planted.participantId(p);
            for (int s = 0; s < planted.statements; s++) {
                long statement = Conversations.Planted.statementId(s);
                planted.votes.vote(id, statement).ifPresent(v -> earlier.vote(id, statement, v, 0));
            }
        }
        var before = Analysis.run(earlier.build(), planted.cohorts, options);

        var after = Analysis.run(planted.votes, planted.cohorts, options, before);

        assertThat(after.groups()).hasSameSizeAs(before.groups());
        int same = 0;
        for (var group : before.groups()) {
            for (long id : group.participants().stream().toArray()) {
                same += after.groupOf(id).orElse(-1) == group.id() ? 1 : 0;
            }
        }
        assertThat(same).isGreaterThan((int) (0.95 * before.participantCount()));
    }

    @Test
    void theFitIsTheSameWhateverTheNumberOfThreads() {
        var planted = new Conversations.Planted(3000, 30, 3, 3, 0.3, 0.3, 14);
        var options = AnalysisOptions.defaults().withSeed(5).withConvergence(false);

        var one = Analysis.run(planted.votes, planted.cohorts, options.withThreads(1));
        var two = Analysis.run(planted.votes, planted.cohorts, options.withThreads(2));

        assertThat(two.groups()).isEqualTo(one.groups());
    }

    @Test
    void aMapLargerThanTheFitSampleIsFittedFromASampleModelAndGroupedAsWellAsByTheFullFit() {
        var planted = new Conversations.Planted(8000, 60, 3, 6, 0.15, 0.35, 15);
        var options = AnalysisOptions.defaults().withSeed(2).withConvergence(false);

        var full = Analysis.run(planted.votes, planted.cohorts, options);
        var sampled = Analysis.run(planted.votes, planted.cohorts, options.withGroupFitSample(4000));

        assertThat(sampled.groups()).hasSameSizeAs(full.groups()).hasSize(3);
        assertThat(sampled.participantCount())
                .isEqualTo(full.participantCount())
                .isGreaterThan(4000);
        assertThat(purity(planted, sampled)).isGreaterThan(0.9).isGreaterThanOrEqualTo(purity(planted, full) - 0.01);
    }

    @Test
    void theSampledFitIsTheSameWhateverTheNumberOfThreads() {
        var planted = new Conversations.Planted(6000, 40, 3, 4, 0.2, 0.35, 16);
        var options =
                AnalysisOptions.defaults().withSeed(4).withConvergence(false).withGroupFitSample(3500);

        var one = Analysis.run(planted.votes, planted.cohorts, options.withThreads(1));
        var two = Analysis.run(planted.votes, planted.cohorts, options.withThreads(2));

        assertThat(two.groups()).isEqualTo(one.groups());
    }

    @Test
    void aFitSampleSmallerThanTheSampleTheGroupsAreChosenOnFitsThatSample() {
        var planted = new Conversations.Planted(5000, 30, 3, 3, 0.3, 0.3, 17);
        var options = AnalysisOptions.defaults().withSeed(6).withConvergence(false);

        var tiny = Analysis.run(planted.votes, planted.cohorts, options.withGroupFitSample(10));
        var chosenSample = Analysis.run(planted.votes, planted.cohorts, options.withGroupFitSample(3000));

        assertThat(tiny.groups()).isEqualTo(chosenSample.groups());
        assertThat(purity(planted, tiny)).isGreaterThan(0.9);
    }

    /** Share of participants in the map whose group's majority planted group is their own. */
    static double purity(Conversations.Planted planted, AnalysisResult result) {
        int agree = 0;
        for (var group : result.groups()) {
            int[] count = new int[planted.groups];
            group.participants().stream().forEach(id -> count[planted.groupOf((int) (id - 1000))]++);
            agree += java.util.Arrays.stream(count).max().orElse(0);
        }
        return (double) agree / result.participantCount();
    }
}
