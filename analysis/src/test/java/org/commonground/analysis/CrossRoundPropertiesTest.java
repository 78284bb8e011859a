package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class CrossRoundPropertiesTest {
    private static final Map<GapVerdict, GapVerdict> MIRRORED = Map.of(
            GapVerdict.SHRANK,
            GapVerdict.GREW,
            GapVerdict.GREW,
            GapVerdict.SHRANK,
            GapVerdict.NO_CLEAR_CHANGE,
            GapVerdict.NO_CLEAR_CHANGE,
            GapVerdict.TOO_FEW,
            GapVerdict.TOO_FEW);

    private static RoundSeries swapped(RoundSeries s) {
        return RoundSeries.builder()
                .round(s.votes[1], s.cohorts[1], null)
                .round(s.votes[0], s.cohorts[0], null)
                .people(new long[][] {s.participantIds[1], s.participantIds[0]})
                .carried(new long[][] {s.statementIds[1], s.statementIds[0]})
                .build();
    }

    @Property(tries = 60)
    void swappingTheTwoRoundsNegatesTheChangeAndItsIntervalAndMirrorsTheVerdict(
            @ForAll @IntRange(min = 1, max = 120) int perCohort,
            @ForAll @DoubleRange(min = 0, max = 1) double jpBefore,
            @ForAll @DoubleRange(min = 0, max = 1) double jpAfter,
            @ForAll @DoubleRange(min = 0, max = 1) double kr,
            @ForAll @DoubleRange(min = 0, max = 1) double keep,
            @ForAll long seed) {
        RoundSeries series = CrossRoundAnalysisTest.planted(
                perCohort, new double[] {jpBefore, jpAfter}, new double[] {kr, kr}, keep, seed);
        CrossRoundOptions options = CrossRoundOptions.defaults()
                .withSeed(seed)
                .withMinPairedPerCohort(2)
                .withResamples(200);

        PairedGapChange forward = CrossRoundAnalysis.run(series, options)
                .trends()
                .get(0)
                .changes()
                .get(0);
        PairedGapChange backward = CrossRoundAnalysis.run(swapped(series), options)
                .trends()
                .get(0)
                .changes()
                .get(0);

        assertThat(backward.change()).isEqualTo(-forward.change());
        assertThat(backward.gapBefore()).isEqualTo(forward.gapAfter());
        assertThat(backward.low()).isEqualTo(-forward.high());
        assertThat(backward.high()).isEqualTo(-forward.low());
        assertThat(backward.verdict()).isEqualTo(MIRRORED.get(forward.verdict()));
    }

    @Property(tries = 60)
    void everyReturnedNumberIsFiniteAndInItsRange(
            @ForAll @IntRange(min = 0, max = 80) int perCohort,
            @ForAll @DoubleRange(min = 0, max = 1) double jp,
            @ForAll @DoubleRange(min = 0, max = 1) double kr,
            @ForAll long seed) {
        RoundSeries series =
                CrossRoundAnalysisTest.planted(perCohort, new double[] {jp, kr}, new double[] {kr, jp}, 0.5, seed);

        CrossRoundResult result = CrossRoundAnalysis.run(
                series, CrossRoundOptions.defaults().withResamples(100).withMinPairedPerCohort(2));

        for (StatementTrend t : result.trends()) {
            for (RoundGap g : t.rounds()) {
                assertThat(java.util.List.of(g.gap(), g.low(), g.high()))
                        .allSatisfy(x -> assertThat(x).isBetween(-1.0, 1.0));
                assertThat(g.low()).isLessThanOrEqualTo(g.gap());
                assertThat(g.high()).isGreaterThanOrEqualTo(g.gap());
            }
            for (PairedGapChange c : t.changes()) {
                assertThat(java.util.List.of(c.gapBefore(), c.gapAfter(), c.change(), c.low(), c.high()))
                        .allSatisfy(x -> assertThat(x).isBetween(-1.0, 1.0));
                assertThat(c.low()).isLessThanOrEqualTo(c.high());
            }
        }
    }
}
