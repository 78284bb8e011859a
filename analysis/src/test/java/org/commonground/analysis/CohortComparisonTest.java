package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CohortComparisonTest {
    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        // Newcombe (1998), example: 81 of 263 → 0.2553 to 0.3662
        double[] interval = Proportions.wilson(81, 263);

        assertThat(interval[0]).isCloseTo(0.2553, within(1e-4));
        assertThat(interval[1]).isCloseTo(0.3662, within(1e-4));
    }

    @Test
    void newcombeHybridIntervalMatchesThePublishedExample() {
        // Newcombe (1998), Table II example (56/70 − 48/80): 0.0524 to 0.3339
        double[] interval = Proportions.newcombe(56, 70, 48, 80);

        assertThat(interval[0]).isCloseTo(0.0524, within(1e-4));
        assertThat(interval[1]).isCloseTo(0.3339, within(1e-4));
    }

    @Test
    void withoutVotesTheAgreeRateIsUnknownFromZeroToOne() {
        assertThat(Proportions.wilson(0, 0)).containsExactly(0.0, 1.0);
    }

    @Test
    void talliesCountEachCohortsVotesOnEachStatement() {
        var votes = VoteMatrix.builder()
                .vote(1, 10, 1, 0)
                .vote(2, 10, -1, 0)
                .vote(3, 10, 0, 0)
                .vote(4, 10, 1, 0)
                .build();
        var cohorts = Cohorts.builder()
                .assign(1, "country", "JP")
                .assign(2, "country", "JP")
                .assign(3, "country", "JP")
                .assign(4, "country", "US")
                .build();

        var result = Analysis.run(votes, cohorts, AnalysisOptions.defaults());

        var jp = result.tally("country", "JP", 10).orElseThrow();
        assertThat(jp.agree()).isEqualTo(1);
        assertThat(jp.disagree()).isEqualTo(1);
        assertThat(jp.pass()).isEqualTo(1);
        assertThat(jp.agreeLow()).isBetween(0.0, 1.0 / 3);
        assertThat(jp.agreeHigh()).isBetween(1.0 / 3, 1.0);
        assertThat(result.tally("country", "KR", 10)).isEmpty();
    }

    @Test
    void commonGroundNeedsAMajorityInEveryCountry() {
        var votes = VoteMatrix.builder();
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 40; p++) {
            String country = p < 20 ? "JP" : "KR";
            cohorts.assign(p, "country", country);
            votes.vote(p, 1, 1, p); // everyone agrees
            votes.vote(p, 2, country.equals("JP") ? 1 : -1, p); // only JP agrees
            votes.vote(p, 3, p % 10 < 6 ? 1 : -1, p); // 60 % everywhere
        }

        var result = Analysis.run(
                votes.build(), cohorts.build(), AnalysisOptions.defaults().withMinVotesPerCohort(5));

        assertThat(result.commonGround()).containsExactly(1L, 3L);
    }

    @Test
    void commonGroundDimensionIsAnOption() {
        var votes = VoteMatrix.builder();
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 40; p++) {
            cohorts.assign(p, "region", p < 20 ? "north" : "south");
            votes.vote(p, 1, p < 20 ? 1 : -1, p);
            votes.vote(p, 2, 1, p);
        }

        var byRegion = Analysis.run(
                votes.build(),
                cohorts.build(),
                AnalysisOptions.defaults().withCommonGroundDimension("region").withMinVotesPerCohort(5));

        assertThat(byRegion.commonGround()).containsExactly(2L);
    }

    @Test
    void aCohortWithTooFewMembersDoesNotBlockCommonGround() {
        var votes = VoteMatrix.builder();
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 30; p++) {
            cohorts.assign(p, "country", p < 28 ? "JP" : "US");
            votes.vote(p, 1, p < 28 ? 1 : -1, p);
        }

        var result = Analysis.run(
                votes.build(), cohorts.build(), AnalysisOptions.defaults().withMinVotesPerCohort(5));

        assertThat(result.commonGround()).containsExactly(1L);
    }

    @Test
    void dividesAreRankedByTheGapBetweenCohortsWithItsInterval() {
        var votes = VoteMatrix.builder();
        var cohorts = Cohorts.builder();
        for (int p = 0; p < 60; p++) {
            boolean jp = p < 30;
            cohorts.assign(p, "country", jp ? "JP" : "US");
            votes.vote(p, 1, jp ? 1 : -1, p); // gap 1
            votes.vote(p, 2, jp ? 1 : (p % 2 == 0 ? 1 : -1), p); // gap ½
            votes.vote(p, 3, 1, p); // no gap
        }

        var result = Analysis.run(votes.build(), cohorts.build(), AnalysisOptions.defaults());

        assertThat(result.divides())
                .extracting(AnalysisResult.Divide::statement)
                .containsExactly(1L, 2L);
        var widest = result.divides().getFirst();
        assertThat(widest.gap()).isEqualTo(1.0);
        assertThat(widest.low()).isBetween(0.0, 1.0);
        assertThat(widest.high()).isEqualTo(1.0);
        assertThat(widest.mostAgreeing()).isEqualTo("JP");
        assertThat(result.parallelView(1, "country").orElseThrow().cohorts())
                .containsExactly(
                        new AnalysisResult.CohortSplit("JP", 30, 0, 0), new AnalysisResult.CohortSplit("US", 0, 30, 0));
    }
}
