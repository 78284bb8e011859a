package org.commonground.forum.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.forum.planning.MatchingOrganization.capabilities;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsortiumMatcherTest {
    private static final int EPC = 0;
    private static final int TURBINES = 1;
    private static final int FINANCE = 2;
    private static final int SIGNALLING = 3;
    private static final int INDONESIA = 0;

    private static MatchingOrganization org(int seat, int... caps) {
        return new MatchingOrganization(seat, capabilities(caps), 0, 3, 0);
    }

    private static MatchingProject project(int[] required, double[] weights) {
        return new MatchingProject(required, weights, INDONESIA, 3, new int[0], new int[0]);
    }

    @Test
    void explainsWhichMemberCoversEachCapabilityAndWhatIsMissing() {
        List<MatchingOrganization> orgs = List.of(org(0, EPC), org(1, TURBINES), org(2, FINANCE));
        var matcher = ConsortiumMatcher.of(
                orgs,
                List.of(project(new int[] {EPC, TURBINES, FINANCE, SIGNALLING}, new double[] {3, 2, 1, 4})),
                List.of(),
                MatchingRules.defaults());

        List<Proposal> proposals = matcher.propose(0);

        assertThat(proposals).hasSize(1);
        Proposal p = proposals.getFirst();
        assertThat(p.members()).containsExactly(0, 1, 2);
        assertThat(p.coveredBy()).containsExactly(0b001, 0b010, 0b100, 0);
        assertThat(p.missing(3)).isTrue();
        assertThat(p.coverage()).isEqualTo(6.0 / 10.0);
    }

    @Test
    void neverTeamsOrganizationsThatDeclaredAConflict() {
        // 0 and 2 are the strongest US and JP members, but they declared a conflict.
        List<MatchingOrganization> orgs = List.of(
                org(0, EPC, TURBINES), org(0, EPC), org(1, TURBINES, FINANCE), org(1, FINANCE), org(2, SIGNALLING));
        var matcher = ConsortiumMatcher.of(
                orgs,
                List.of(project(new int[] {EPC, TURBINES, FINANCE, SIGNALLING}, new double[] {1, 1, 1, 1})),
                List.<int[]>of(new int[] {0, 2}),
                MatchingRules.defaults());

        List<Proposal> proposals = matcher.propose(0);

        assertThat(proposals)
                .isNotEmpty()
                .allSatisfy(p ->
                        assertThat(p.members()[0] == 0 && p.members()[1] == 2).isFalse());
        assertThat(matcher.score(0, new int[] {0, 2, 4})).isNaN();
    }

    @Test
    void leavesOutOrganizationsAtTheirConsortiumLimitAndExcludedOnes() {
        List<MatchingOrganization> orgs = List.of(
                new MatchingOrganization(0, capabilities(EPC, TURBINES), 0, 3, 3),
                org(0, EPC),
                org(1, TURBINES),
                org(1, TURBINES),
                org(2, FINANCE));
        var project = new MatchingProject(
                new int[] {EPC, TURBINES, FINANCE}, new double[] {1, 1, 1}, INDONESIA, 3, new int[0], new int[] {2});
        var matcher = ConsortiumMatcher.of(
                orgs, List.of(project), List.of(), MatchingRules.defaults().withMaxOpenConsortia(3));

        List<Proposal> proposals = matcher.propose(0);

        assertThat(proposals).extracting(p -> p.members()[0]).containsOnly(1);
        assertThat(proposals).extracting(p -> p.members()[1]).containsOnly(3);
    }

    @Test
    void proposesTwoCountryTeamsOnlyWhenTheForumAllowsThem() {
        List<MatchingOrganization> orgs = List.of(org(0, EPC), org(1, TURBINES));
        List<MatchingProject> projects = List.of(project(new int[] {EPC, TURBINES}, new double[] {1, 1}));

        var strict = ConsortiumMatcher.of(orgs, projects, List.of(), MatchingRules.defaults());
        var lenient = ConsortiumMatcher.of(
                orgs, projects, List.of(), MatchingRules.defaults().withTwoSeats(true));

        assertThat(strict.propose(0)).isEmpty();
        assertThat(lenient.propose(0)).singleElement().satisfies(p -> {
            assertThat(p.members()).containsExactly(0, 1, -1);
            assertThat(p.coverage()).isEqualTo(1.0);
        });
    }

    @Test
    void prefersInterestedMembersExperiencedInTheHostMarketWhenCoverageTies() {
        List<MatchingOrganization> orgs = new ArrayList<>(List.of(
                org(0, EPC),
                new MatchingOrganization(0, capabilities(EPC), 1L << INDONESIA, 3, 0),
                org(1, TURBINES),
                org(2, FINANCE)));
        var project = new MatchingProject(
                new int[] {EPC, TURBINES, FINANCE}, new double[] {1, 1, 1}, INDONESIA, 3, new int[] {1}, new int[0]);
        var matcher = ConsortiumMatcher.of(orgs, List.of(project), List.of(), MatchingRules.defaults());

        List<Proposal> proposals = matcher.propose(0);

        assertThat(proposals).extracting(p -> p.members()[0]).containsExactly(1, 0);
        assertThat(proposals.get(0).score()).isGreaterThan(proposals.get(1).score());
    }
}
