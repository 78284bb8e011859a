package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolisValidationTest {

    @Test
    void adjustedRandIsOneForTheSamePartitionUnderOtherNames() {
        assertThat(PolisValidation.adjustedRand(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9}))
                .isEqualTo(1.0);
    }

    @Test
    void adjustedRandMatchesAWorkedExample() {
        // {0,0,0,1,1,1} vs {0,0,1,1,2,2}: index 2, row pairs 6, column pairs 3, expected 6·3/15 = 1.2,
        // max 4.5 → 0.8/3.3 ≈ 0.2424 (scikit-learn's adjusted_rand_score agrees)
        double ari = PolisValidation.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});

        assertThat(ari).isCloseTo(0.8 / 3.3, within(1e-12));
    }

    @Test
    void adjustedRandIsNegativeForAnAntiCorrelatedSplit() {
        assertThat(PolisValidation.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isNegative();
    }

    @Test
    void adjustedRandOfTooFewItemsIsOne() {
        assertThat(PolisValidation.adjustedRand(new int[] {3}, new int[] {4})).isEqualTo(1.0);
    }

    @Test
    void replayAdmitsAnEarlyVoterWhoReachedTheThresholdOfTheTime() {
        // Two statements exist when voter 1 votes on both: min(7, 2) = 2 votes are enough then. Voter 2
        // votes on two statements after eight exist: 2 < min(7, 8), not admitted. Votes on the rejected
        // statement 9 do not count.
        var comments = new java.util.ArrayList<PolisExport.Comment>();
        for (int c = 0; c < 8; c++) {
            comments.add(comment(c, c < 2 ? 100 : 1_000));
        }
        comments.add(
                new PolisExport.Comment(9, 100, OptionalInt.empty(), PolisExport.Moderation.REJECTED, false, "out"));
        List<PolisExport.VoteEvent> votes = List.of(
                new PolisExport.VoteEvent(200, 0, 1, 1),
                new PolisExport.VoteEvent(201, 1, 1, -1),
                new PolisExport.VoteEvent(2_000, 0, 2, 1),
                new PolisExport.VoteEvent(2_001, 1, 2, 1),
                new PolisExport.VoteEvent(2_002, 9, 2, 1));
        PolisExport export = new PolisExport(
                PolisExport.Summary.EMPTY, comments, votes, PolisExport.VoteSource.HISTORY, List.of(), List.of());

        assertThat(PolisValidation.admittedByPolisRule(export)).isEqualTo(1);
    }

    /**
     * red-dwarf's ARI against Pol.is's group-id on each shared conversation, measured for issue 10;
     * the Pol.is mode (red-dwarf's axes, admission, zeroed moderated-out columns and k-means start)
     * reaches it on each.
     */
    @ParameterizedTest
    @MethodSource("redDwarfFigures")
    void thePolisModeAgreesWithPolisAtLeastAsWellAsRedDwarf(String dataset, double redDwarf) {
        PolisExport export = PolisExport.read(SharedData.polisDataset(dataset));
        var input = export.analysisInput();

        var result = Analysis.run(
                input.votes(),
                input.cohorts(),
                AnalysisOptions.defaults()
                        .withSeed(1)
                        .withPolisRules(export.moderatedVotes())
                        .withConvergence(false));

        var comparison = PolisValidation.compare(result, PolisGroups.read(SharedData.polisDataset(dataset)));
        assertThat(comparison.adjustedRand()).isGreaterThanOrEqualTo(redDwarf - 0.0005);
    }

    static java.util.stream.Stream<Arguments> redDwarfFigures() {
        return ValidationReport.RED_DWARF_ARI.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static PolisExport.Comment comment(int id, long createdAt) {
        return new PolisExport.Comment(
                id, createdAt, OptionalInt.empty(), PolisExport.Moderation.ACCEPTED, true, "Statement " + id);
    }
}
