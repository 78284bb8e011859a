package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RepresentativenessTest {
    @Test
    void propTestIsPolisFormulaWithPseudoCounts() {
        // Pol.is: 2·√(n+1)·((s+1)/(n+1) − ½)
        assertThat(Representativeness.propTest(8, 10)).isCloseTo(2 * Math.sqrt(11) * (9.0 / 11 - 0.5), within(1e-12));
    }

    @Test
    void twoPropTestIsZeroWhenEveryoneSucceeds() {
        assertThat(Representativeness.twoPropTest(5, 5, 5, 5)).isZero();
    }

    @Test
    void eachGroupIsRepresentedByTheStatementsOnlyItAgreesWith() {
        var planted = Conversations.planted(11);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        for (var group : result.groups()) {
            var top = group.representative().getFirst();
            int plantedGroup = majorityPlantedGroup(planted, group);
            int s = (int) (top.statement() - 500);
            assertThat(top.direction()).isEqualTo(Direction.AGREE);
            assertThat(s).isGreaterThanOrEqualTo(planted.bridging);
            assertThat((s - planted.bridging) % planted.groups).isEqualTo(plantedGroup);
            assertThat(group.representative()).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void representativeAgreesComeBeforeDisagrees() {
        var planted = Conversations.planted(12);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        for (var group : result.groups()) {
            var directions = group.representative().stream()
                    .map(AnalysisResult.RepresentativeStatement::direction)
                    .toList();
            assertThat(directions).isSortedAccordingTo(Enum::compareTo);
        }
    }

    @Test
    void statementsEveryoneAgreesWithAreMajorityConsensusAndLeadGroupInformedConsensus() {
        var planted = Conversations.planted(13);

        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());

        assertThat(result.consensus())
                .filteredOn(c -> c.direction() == Direction.AGREE)
                .extracting(AnalysisResult.Consensus::statement)
                .containsAnyOf(500L, 501L, 502L, 503L);
        assertThat(result.groupInformedConsensus().subList(0, planted.bridging))
                .extracting(AnalysisResult.GroupInformedConsensus::statement)
                .containsExactlyInAnyOrder(500L, 501L, 502L, 503L);
    }

    private static int majorityPlantedGroup(Conversations.Planted planted, AnalysisResult.OpinionGroup group) {
        int[] counts = new int[planted.groups];
        group.participants().stream().forEach(id -> counts[planted.groupOf((int) (id - 1000))]++);
        int best = 0;
        for (int g = 1; g < counts.length; g++) {
            if (counts[g] > counts[best]) {
                best = g;
            }
        }
        return best;
    }
}
