package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossRoundAnalysisTest {
    private static final CohortPair JP_KR = new CohortPair("JP", "KR");

    /**
     * Planted truth over two rounds: {@code perCohort} people each in JP and KR (and a small US cohort),
     * all voting on one carried statement in both rounds; JP agrees with probability jp[r] and KR with
     * kr[r] in round r. A person keeps the latent opinion of round 0 with probability {@code keep}
     * (comonotone: an agreer stays an agreer when the rate allows) and draws afresh otherwise, so each
     * round's rates are exactly as planted and the rounds are correlated like real returning voters.
     * Round r's participant ids are 100 000·(r+1) + person, so the people table is what maps them.
     */
    static RoundSeries planted(int perCohort, double[] jp, double[] kr, double keep, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] countries = {"JP", "KR", "US"};
        int people = 2 * perCohort + 20;
        double[] latent = new double[people];
        for (int j = 0; j < people; j++) {
            latent[j] = random.nextDouble();
        }
        long[][] ids = new long[2][people];
        RoundSeries.Builder series = RoundSeries.builder();
        for (int r = 0; r < 2; r++) {
            VoteMatrix.Builder votes = VoteMatrix.builder();
            Cohorts.Builder cohorts = Cohorts.builder();
            for (int j = 0; j < people; j++) {
                long id = 100_000L * (r + 1) + j;
                ids[r][j] = id;
                String country = j < 2 * perCohort ? countries[j % 2] : countries[2];
                cohorts.assign(id, "country", country);
                double u = r == 0 || random.nextDouble() < keep ? latent[j] : random.nextDouble();
                double rate = country.equals("JP") ? jp[r] : country.equals("KR") ? kr[r] : 0.5;
                votes.vote(id, 7 + r, u < rate ? 1 : random.nextBoolean() ? -1 : 0, Conversations.T0 + j);
                votes.vote(id, 50, random.nextBoolean() ? 1 : -1, Conversations.T0 + j);
            }
            series.round(votes.build(), cohorts.build(), null);
        }
        // The carried statement has id 7 in round 0 and 8 in round 1; statement 50 is not carried.
        return series.people(ids).carried(new long[][] {{7}, {8}}).build();
    }

    private static PairedGapChange onlyChange(CrossRoundResult result) {
        StatementTrend trend = result.trend(0, JP_KR).orElseThrow();
        assertThat(trend.changes()).hasSize(1);
        return trend.changes().get(0);
    }

    @Test
    void aPlantedShrinkingGapIsFoundWithAnIntervalBelowZero() {
        RoundSeries series = planted(400, new double[] {0.70, 0.55}, new double[] {0.29, 0.28}, 0.8, 3);

        CrossRoundResult result = CrossRoundAnalysis.run(series, CrossRoundOptions.defaults());

        PairedGapChange change = onlyChange(result);
        assertThat(change.verdict()).isEqualTo(GapVerdict.SHRANK);
        assertThat(change.high()).isLessThan(0);
        assertThat(change.low()).isLessThanOrEqualTo(change.change());
        assertThat(change.change()).isBetween(-0.25, -0.03);
        assertThat(change.gapBefore()).isBetween(0.33, 0.49);
        assertThat(change.gapAfter()).isBetween(0.19, 0.35);
        assertThat(change.paired()).isEqualTo(800);
    }

    @Test
    void aPlantedNullIsNotCalledAChangeInAtLeast95PercentOfSeeds() {
        int seeds = 40;
        int noChange = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            RoundSeries series = planted(300, new double[] {0.70, 0.70}, new double[] {0.29, 0.29}, 0.6, 1000 + seed);
            PairedGapChange change = onlyChange(
                    CrossRoundAnalysis.run(series, CrossRoundOptions.defaults().withSeed(seed)));
            if (change.verdict() == GapVerdict.NO_CLEAR_CHANGE) {
                noChange++;
            }
        }
        assertThat(noChange).isGreaterThanOrEqualTo(38);
    }

    @Test
    void aPlantedShrinkIsFoundInMostSeedsSoTheNullCheckIsNotPassedByBlindness() {
        int found = 0;
        for (int seed = 1; seed <= 20; seed++) {
            RoundSeries series = planted(300, new double[] {0.70, 0.55}, new double[] {0.29, 0.29}, 0.6, 2000 + seed);
            if (onlyChange(CrossRoundAnalysis.run(
                                    series, CrossRoundOptions.defaults().withSeed(seed)))
                            .verdict()
                    == GapVerdict.SHRANK) {
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(16);
    }

    @Test
    void fewerPairedPeopleThanTheMinimumIsTooFewWithTheWholeRangeAsInterval() {
        RoundSeries series = planted(25, new double[] {0.9, 0.1}, new double[] {0.1, 0.1}, 1.0, 5);

        PairedGapChange change = onlyChange(CrossRoundAnalysis.run(series, CrossRoundOptions.defaults()));

        assertThat(change.pairedFirst()).isEqualTo(25);
        assertThat(change.verdict()).isEqualTo(GapVerdict.TOO_FEW);
        assertThat(change.low()).isEqualTo(-1);
        assertThat(change.high()).isEqualTo(1);
    }

    @Test
    void perRoundGapsCarryEachCohortsWilsonIntervalAndANewcombeIntervalOfTheGap() {
        RoundSeries series = planted(200, new double[] {0.7, 0.6}, new double[] {0.3, 0.4}, 0.8, 9);

        StatementTrend trend = CrossRoundAnalysis.run(series, CrossRoundOptions.defaults())
                .trend(0, JP_KR)
                .orElseThrow();

        assertThat(trend.rounds()).extracting(RoundGap::round).containsExactly(0, 1);
        assertThat(trend.rounds()).extracting(RoundGap::statement).containsExactly(7L, 8L);
        RoundGap first = trend.rounds().get(0);
        assertThat(first.first().votes()).isEqualTo(200);
        assertThat(first.second().votes()).isEqualTo(200);
        assertThat(first.gap())
                .isEqualTo(first.first().agreeRate() - first.second().agreeRate());
        double[] expected =
                Proportions.newcombe(first.first().agree(), 200, first.second().agree(), 200);
        assertThat(new double[] {first.low(), first.high()}).containsExactly(expected);
        assertThat(first.first().agreeLow())
                .isEqualTo(Proportions.wilson(first.first().agree(), 200)[0]);
    }

    @Test
    void pairsPutJapanKoreaFirstThenTheRestAlphabetically() {
        CrossRoundResult result = CrossRoundAnalysis.run(
                planted(50, new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1, 1), CrossRoundOptions.defaults());

        assertThat(result.cohortValues()).containsExactly("JP", "KR", "US");
        assertThat(result.pairs()).containsExactly(JP_KR, new CohortPair("JP", "US"), new CohortPair("KR", "US"));
        assertThat(result.trends())
                .extracting(StatementTrend::pair)
                .containsExactly(result.pairs().toArray(CohortPair[]::new));
    }

    @Test
    void theResultIsTheSameForASeedWhateverTheThreadCount() {
        RoundSeries series = planted(600, new double[] {0.7, 0.6}, new double[] {0.3, 0.35}, 0.7, 11);

        CrossRoundResult one = CrossRoundAnalysis.run(
                series, CrossRoundOptions.defaults().withThreads(1).withSeed(4));
        CrossRoundResult two = CrossRoundAnalysis.run(
                series, CrossRoundOptions.defaults().withThreads(2).withSeed(4));

        assertThat(two.trends()).isEqualTo(one.trends());
    }

    @Test
    void aPersonWhoseCohortAnswerDiffersBetweenRoundsIsLeftOutOfThePairedChange() {
        VoteMatrix r0 = VoteMatrix.builder().vote(1, 1, 1, 0).vote(2, 1, 1, 0).build();
        VoteMatrix r1 = VoteMatrix.builder().vote(11, 1, 1, 0).vote(12, 1, 1, 0).build();
        Cohorts c0 = Cohorts.builder()
                .assign(1, "country", "JP")
                .assign(2, "country", "KR")
                .build();
        Cohorts c1 = Cohorts.builder()
                .assign(11, "country", "JP")
                .assign(12, "country", "JP")
                .build();
        RoundSeries series = RoundSeries.builder()
                .round(r0, c0, null)
                .round(r1, c1, null)
                .people(new long[][] {{1, 2}, {11, 12}})
                .carried(new long[][] {{1}, {1}})
                .build();

        PairedGapChange change = onlyChange(
                CrossRoundAnalysis.run(series, CrossRoundOptions.defaults().withMinPairedPerCohort(2)));

        assertThat(change.pairedFirst()).isEqualTo(1);
        assertThat(change.pairedSecond()).isZero();
    }

    @Test
    void aStatementInRounds0And2And3IsComparedConsecutivelyThenFirstToLast() {
        // Four people (two JP, two KR) vote in four rounds; the carried statement skips round 1.
        long[][] people = new long[4][4];
        RoundSeries.Builder series = RoundSeries.builder();
        long[] carriedIds = {100, -1, 102, 103};
        for (int r = 0; r < 4; r++) {
            VoteMatrix.Builder votes = VoteMatrix.builder();
            Cohorts.Builder cohorts = Cohorts.builder();
            for (int j = 0; j < 4; j++) {
                people[r][j] = 10L * r + j;
                cohorts.assign(people[r][j], "country", j < 2 ? "JP" : "KR");
                votes.vote(people[r][j], 100 + r, j < 2 || r == 3 ? 1 : -1, 0);
            }
            series.round(votes.build(), cohorts.build(), null);
        }
        RoundSeries built = series.people(people)
                .carried(new long[][] {{100}, {-1}, {102}, {103}})
                .build();

        StatementTrend trend = CrossRoundAnalysis.run(
                        built, CrossRoundOptions.defaults().withMinPairedPerCohort(2))
                .trend(0, JP_KR)
                .orElseThrow();

        assertThat(trend.rounds()).extracting(RoundGap::round).containsExactly(0, 2, 3);
        assertThat(trend.rounds())
                .extracting(RoundGap::statement)
                .containsExactly(carriedIds[0], carriedIds[2], carriedIds[3]);
        assertThat(trend.changes())
                .extracting(c -> c.fromRound() + "→" + c.toRound())
                .containsExactly("0→2", "2→3", "0→3");
        PairedGapChange last = trend.changes().get(1);
        assertThat(last.gapBefore()).isEqualTo(1.0);
        assertThat(last.gapAfter()).isEqualTo(0.0);
        assertThat(last.change()).isEqualTo(-1.0);
        // Nobody varies within a cohort, so every resample is the sample: the interval is the point.
        assertThat(last.low()).isEqualTo(-1.0);
        assertThat(last.high()).isEqualTo(-1.0);
        assertThat(last.verdict()).isEqualTo(GapVerdict.SHRANK);
    }

    @Test
    void transitionsCountEveryPersonFromTheirGroupToTheirNextGroupWithNewcomersAndLeavers() {
        // Round 0: people 0–4 vote; 0, 1, 2 in group 0, 3 in group 1, 4 ungrouped; 5 and 6 absent.
        // Round 1: 0 → group 1, 1 → group 0, 2 left, 3 → group 1, 4 → group 0, 5 new and ungrouped, 6 still absent.
        long[][] people = {{10, 11, 12, 13, 14, -1, -1}, {20, 21, -1, 23, 24, 25, -1}};
        VoteMatrix r0 = votesOf(10, 11, 12, 13, 14);
        VoteMatrix r1 = votesOf(20, 21, 23, 24, 25);
        AnalysisResult g0 = withGroups(new long[] {10, 11, 12}, new long[] {13});
        AnalysisResult g1 = withGroups(new long[] {21, 24}, new long[] {20, 23});
        RoundSeries series = RoundSeries.builder()
                .round(r0, Cohorts.none(), g0)
                .round(r1, Cohorts.none(), g1)
                .people(people)
                .build();

        GroupTransitions t = CrossRoundAnalysis.run(series, CrossRoundOptions.defaults())
                .transitions(0)
                .orElseThrow();

        int absent = GroupTransitions.ABSENT;
        int ungrouped = GroupTransitions.UNGROUPED;
        assertThat(t.count(0, 0)).isEqualTo(1);
        assertThat(t.count(0, 1)).isEqualTo(1);
        assertThat(t.count(0, absent)).isEqualTo(1);
        assertThat(t.count(1, 1)).isEqualTo(1);
        assertThat(t.count(1, 0)).isZero();
        assertThat(t.count(ungrouped, 0)).isEqualTo(1);
        assertThat(t.count(absent, ungrouped)).isEqualTo(1);
        assertThat(t.count(absent, absent)).isZero();
        assertThat(t.returning()).isEqualTo(4);
        assertThat(t.total()).isEqualTo(6);
    }

    @Test
    void noTransitionsIntoOrOutOfARoundWithoutAnEngineResult() {
        VoteMatrix m = votesOf(1, 2);
        RoundSeries series = RoundSeries.builder()
                .round(m, null, withGroups(new long[] {1, 2}))
                .round(m, null, null)
                .round(m, null, withGroups(new long[] {1}, new long[] {2}))
                .people(new long[][] {{1, 2}, {1, 2}, {1, 2}})
                .build();

        List<GroupTransitions> transitions =
                CrossRoundAnalysis.run(series, CrossRoundOptions.defaults()).transitions();

        assertThat(transitions).isEmpty();
    }

    static VoteMatrix votesOf(long... participants) {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (long p : participants) {
            b.vote(p, 1, 1, Conversations.T0);
        }
        return b.build();
    }

    /** An engine result carrying only opinion groups, which is all the transition table reads. */
    static AnalysisResult withGroups(long[]... members) {
        List<AnalysisResult.OpinionGroup> groups = new java.util.ArrayList<>();
        for (int g = 0; g < members.length; g++) {
            long[] sorted = members[g].clone();
            java.util.Arrays.sort(sorted);
            groups.add(new AnalysisResult.OpinionGroup(g, new IdSet(sorted), List.of(), 0, 0));
        }
        return new AnalysisResult(
                0,
                0,
                0,
                List.copyOf(groups),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                null);
    }
}
