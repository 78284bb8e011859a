package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpinionMapTest {
    @Test
    void participantsWithFewerThanSevenVotesAreLeftOutOfTheMap() {
        var builder = VoteMatrix.builder();
        for (int s = 0; s < 10; s++) {
            builder.vote(1, s, s % 2 == 0 ? 1 : -1, s);
            builder.vote(2, s, 1, s);
            if (s < 6) {
                builder.vote(3, s, -1, s);
            }
        }

        var result = Analysis.run(builder.build(), Cohorts.none(), AnalysisOptions.defaults());

        assertThat(result.participantCount()).isEqualTo(2);
        assertThat(result.projection().of(3)).isEmpty();
        assertThat(result.groupOf(3)).isEmpty();
        assertThat(result.groupOf(1)).isPresent();
    }

    @Test
    void withFewerThanSevenStatementsVotingOnAllOfThemIsEnough() {
        var votes = Conversations.unanimous(4, 3, 1);

        var result = Analysis.run(votes, Cohorts.none(), AnalysisOptions.defaults());

        assertThat(result.participantCount()).isEqualTo(4);
    }

    @Test
    void recoversPlantedOpinionGroups() {
        var planted = Conversations.planted(3);

        var result = Analysis.run(
                planted.votes, planted.cohorts, AnalysisOptions.defaults().withSeed(1));

        assertThat(result.groups()).hasSize(planted.groups);
        assertThat(purity(planted, result)).isGreaterThan(0.95);
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheNumberOfThreads() {
        var planted = Conversations.planted(4);

        var one = Analysis.run(
                planted.votes,
                planted.cohorts,
                AnalysisOptions.defaults().withSeed(9).withThreads(1));
        var two = Analysis.run(
                planted.votes,
                planted.cohorts,
                AnalysisOptions.defaults().withSeed(9).withThreads(2));

        assertThat(AnalysisJson.toJson(two, 0).replaceAll("\"analysis\":[^}]*", ""))
                .isEqualTo(AnalysisJson.toJson(one, 0).replaceAll("\"analysis\":[^}]*", ""));
    }

    @Test
    void aWarmStartedRunKeepsGroupIdsAndMembers() {
        var planted = Conversations.planted(5);
        var options = AnalysisOptions.defaults().withSeed(2);
        var first = Analysis.run(planted.votes, planted.cohorts, options);

        var again = Analysis.run(planted.votes, planted.cohorts, options, first);

        for (var group : first.groups()) {
            assertThat(again.group(group.id()))
                    .get()
                    .extracting(AnalysisResult.OpinionGroup::participants)
                    .isEqualTo(group.participants());
        }
    }

    @Test
    void participantsWhoVoteAlikeSitTogetherOnTheMap() {
        var planted = Conversations.planted(6);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        var sameGroup = distance(result, 0, planted.groups);
        var otherGroup = distance(result, 0, 1);
        assertThat(sameGroup).isLessThan(otherGroup);
    }

    @Test
    void denseCoresDoNotOutvoteTheShapeOfTheMapWhenChoosingTheNumberOfGroups() {
        // Two camps of 200 participants spread evenly over a grid, far apart; inside the left camp,
        // two dense cores of 1,500 participants each, 5 apart.
        int spread = 200;
        int core = 1_500;
        int n = 2 * spread + 2 * core;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < spread; i++) {
            x[i] = -14 + (i % 20) * 0.4;
            y[i] = -4 + (i / 20) * 0.8;
            x[spread + i] = 6 + (i % 20) * 0.4;
            y[spread + i] = -4 + (i / 20) * 0.8;
        }
        for (int i = 0; i < core; i++) {
            x[2 * spread + 2 * i] = -12.5 + (i % 30) * 0.01;
            y[2 * spread + 2 * i] = (i / 30) * 0.01;
            x[2 * spread + 2 * i + 1] = -7.5 + (i % 30) * 0.01;
            y[2 * spread + 2 * i + 1] = (i / 30) * 0.01;
        }
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);

        var map = OpinionMap.cluster(
                Conversations.unanimous(n, 1, 1),
                null,
                rows,
                x,
                y,
                null,
                1,
                OpinionMap.BASE_ITERATIONS,
                new Parallel(1));

        // Pol.is counts every base cluster once in the silhouette; weighted by size, the two cores
        // would make their own groups and split the left camp.
        assertThat(map.groupCount).isEqualTo(2);
        assertThat(map.groupOfRow[2 * spread])
                .isEqualTo(map.groupOfRow[2 * spread + 1])
                .isEqualTo(map.groupOfRow[0])
                .isNotEqualTo(map.groupOfRow[spread]);
    }

    @Test
    void firstDistinctStartsAreTheSmallestPointsInXThenYOrderWithoutRepeats() {
        double[] x = {3, 1, 1, 1, 2};
        double[] y = {0, 5, 4, 4, 9};

        double[][] start = KMeans.firstDistinct(x, y, 3);

        assertThat(start[0]).containsExactly(1, 1, 2);
        assertThat(start[1]).containsExactly(4, 5, 9);
        assertThat(KMeans.firstDistinct(new double[] {1, 1}, new double[] {2, 2}, 2)[0])
                .containsExactly(1);
    }

    @Test
    void thePolisModesAxesPointTowardsTheParticipantWithTheLargestScore() {
        var planted = Conversations.planted(5);
        VoteMatrix votes = planted.votes;
        int[] everyone = OpinionMap.participantsInMap(votes, 1);
        try (Parallel parallel = new Parallel(1)) {
            for (long seed = 1; seed <= 4; seed++) {
                var pcs = PrincipalComponents.compute(votes, everyone, null, null, seed, parallel)
                        .signedByScores(votes, everyone);
                double[] x = new double[everyone.length];
                double[] y = new double[everyone.length];
                pcs.project(votes, everyone, x, y, parallel);

                assertThat(largestByMagnitudeOfUnscaled(votes, everyone, x)).isPositive();
                assertThat(largestByMagnitudeOfUnscaled(votes, everyone, y)).isPositive();
            }
        }
    }

    /** The score with the largest magnitude once the projection's √(statements / votes) is undone. */
    private static double largestByMagnitudeOfUnscaled(VoteMatrix votes, int[] rows, double[] scaled) {
        double top = 0;
        for (int i = 0; i < rows.length; i++) {
            double unscaled = scaled[i] / Math.sqrt((double) votes.statementCount() / votes.votesOf(rows[i]));
            top = Math.abs(unscaled) > Math.abs(top) ? unscaled : top;
        }
        return top;
    }

    @Test
    void thePolisModeGroupsAreKMeansFromTheFirstDistinctPointsWithKBySilhouette() {
        var planted = Conversations.planted(6);
        var options = AnalysisOptions.defaults().withSeed(1).withConvergence(false);

        var polis = Analysis.run(planted.votes, planted.cohorts, options.withMethod(AnalysisOptions.Method.POLIS));
        var otherSeed = Analysis.run(
                planted.votes, planted.cohorts, options.withSeed(77).withMethod(AnalysisOptions.Method.POLIS));

        int n = polis.projection().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = polis.projection().x(i);
            y[i] = polis.projection().y(i);
        }
        double[][] start = KMeans.firstDistinct(x, y, polis.groups().size());
        KMeans.Clustering expected;
        try (Parallel parallel = new Parallel(1)) {
            expected = KMeans.run(x, y, null, start[0], start[1], parallel);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long a = polis.projection().ids().get(i);
                long b = polis.projection().ids().get(j);
                assertThat(polis.groupOf(a).equals(polis.groupOf(b)))
                        .isEqualTo(expected.assignment()[i] == expected.assignment()[j]);
            }
        }
        // One start per k and no seeded restarts: the seed does not move the groups.
        assertThat(otherSeed.groups().stream().map(g -> g.participants()).toList())
                .isEqualTo(polis.groups().stream().map(g -> g.participants()).toList());
    }

    private static double distance(AnalysisResult result, int p, int q) {
        var a = result.projection().of(Conversations.Planted.participantId(p)).orElseThrow();
        var b = result.projection().of(Conversations.Planted.participantId(q)).orElseThrow();
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /** Share of participants whose found group's majority planted group is their own. */
    static double purity(Conversations.Planted planted, AnalysisResult result) {
        Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
        for (int p = 0; p < planted.participants; p++) {
            var found = result.groupOf(Conversations.Planted.participantId(p));
            if (found.isPresent()) {
                counts.computeIfAbsent(found.getAsInt(), g -> new HashMap<>())
                        .merge(planted.groupOf(p), 1, Integer::sum);
            }
        }
        int majority = counts.values().stream()
                .mapToInt(m ->
                        m.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .sum();
        return (double) majority / result.participantCount();
    }
}
