package org.commonground.forum.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random small forums: every proposal respects the hard constraints, explains its coverage the
 * way a plain recount over the members' capability sets does, and the pruned search never beats
 * the exhaustive one, whose best team is the best of all teams scored one by one.
 */
class ConsortiumMatcherProperties {
    static final int CAPABILITIES = 12;

    record Instance(
            List<MatchingOrganization> organizations,
            List<MatchingProject> projects,
            List<int[]> conflicts,
            MatchingRules rules) {}

    static Instance instance(long seed, int organizations, boolean twoSeats) {
        Random random = new Random(seed);
        List<MatchingOrganization> orgs = new ArrayList<>();
        for (int i = 0; i < organizations; i++) {
            int[] caps = random.ints(1 + random.nextInt(3), 0, CAPABILITIES)
                    .distinct()
                    .toArray();
            orgs.add(new MatchingOrganization(
                    random.nextInt(10) == 0 ? -1 : random.nextInt(3),
                    MatchingOrganization.capabilities(caps),
                    random.nextLong() & 0xFF,
                    1 + random.nextInt(5),
                    random.nextInt(4)));
        }
        List<MatchingProject> projects = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int[] required = random.ints(2 + random.nextInt(4), 0, CAPABILITIES)
                    .distinct()
                    .toArray();
            double[] weights = random.doubles(required.length, 0.5, 3).toArray();
            projects.add(new MatchingProject(
                    required,
                    weights,
                    random.nextInt(8),
                    1 + random.nextInt(5),
                    random.ints(3, 0, organizations).distinct().toArray(),
                    random.ints(2, 0, organizations).distinct().toArray()));
        }
        List<int[]> conflicts = new ArrayList<>();
        for (int c = 0; c < organizations / 3; c++) {
            int a = random.nextInt(organizations);
            int b = random.nextInt(organizations);
            if (a != b) {
                conflicts.add(new int[] {a, b});
            }
        }
        return new Instance(orgs, projects, conflicts, MatchingRules.defaults().withTwoSeats(twoSeats));
    }

    @Property(tries = 60)
    void proposalsRespectHardConstraintsAndExplainCoverageExactly(
            @ForAll long seed, @ForAll @IntRange(min = 6, max = 40) int organizations, @ForAll boolean twoSeats) {
        Instance in = instance(seed, organizations, twoSeats);
        var matcher = ConsortiumMatcher.pruned(in.organizations(), in.projects(), in.conflicts(), in.rules(), 3, 1);

        for (int p = 0; p < in.projects().size(); p++) {
            MatchingProject project = in.projects().get(p);
            List<Proposal> proposals = matcher.propose(p);
            for (Proposal proposal : proposals) {
                int[] m = proposal.members();
                int present = 0;
                for (int s = 0; s < 3; s++) {
                    if (m[s] < 0) {
                        continue;
                    }
                    present++;
                    MatchingOrganization o = in.organizations().get(m[s]);
                    assertThat(o.seat()).isEqualTo(s);
                    assertThat(o.openConsortia()).isLessThan(in.rules().maxOpenConsortia());
                    assertThat(project.excluded()).doesNotContain(m[s]);
                }
                assertThat(present).isGreaterThanOrEqualTo(twoSeats ? 2 : 3);
                for (int[] c : in.conflicts()) {
                    assertThat(contains(m, c[0]) && contains(m, c[1]))
                            .as("conflict %d-%d", c[0], c[1])
                            .isFalse();
                }
                double covered = 0;
                for (int i = 0; i < project.required().length; i++) {
                    int holders = 0;
                    for (int s = 0; s < 3; s++) {
                        if (m[s] >= 0 && in.organizations().get(m[s]).has(project.required()[i])) {
                            holders |= 1 << s;
                        }
                    }
                    assertThat(proposal.coveredBy()[i]).isEqualTo(holders);
                    covered += holders != 0 ? project.weights()[i] : 0;
                }
                assertThat(proposal.coverage())
                        .isCloseTo(covered / project.totalWeight(), org.assertj.core.data.Offset.offset(1e-12));
                assertThat(proposal.score()).isBetween(0.0, 1.0);
            }
            for (int i = 1; i < proposals.size(); i++) {
                assertThat(proposals.get(i).score())
                        .isLessThanOrEqualTo(proposals.get(i - 1).score());
                assertThat(proposals.get(i).members())
                        .isNotEqualTo(proposals.get(i - 1).members());
            }
        }
    }

    @Property(tries = 40)
    void exhaustiveSearchFindsTheBestTeamAndPruningNeverBeatsIt(
            @ForAll long seed, @ForAll @IntRange(min = 6, max = 30) int organizations, @ForAll boolean twoSeats) {
        Instance in = instance(seed, organizations, twoSeats);
        var exact = ConsortiumMatcher.exhaustive(in.organizations(), in.projects(), in.conflicts(), in.rules());
        var pruned = ConsortiumMatcher.pruned(in.organizations(), in.projects(), in.conflicts(), in.rules(), 2, 1);

        for (int p = 0; p < in.projects().size(); p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = -1; a < organizations; a++) {
                for (int b = -1; b < organizations; b++) {
                    for (int c = -1; c < organizations; c++) {
                        double s = exact.score(p, new int[] {a, b, c});
                        if (!Double.isNaN(s)) {
                            best = Math.max(best, s);
                        }
                    }
                }
            }
            List<Proposal> top = exact.propose(p);
            if (best == Double.NEGATIVE_INFINITY) {
                assertThat(top).isEmpty();
                assertThat(pruned.propose(p)).isEmpty();
            } else {
                assertThat(top.getFirst().score()).isEqualTo(best);
                double optimum = best;
                pruned.propose(p).forEach(q -> assertThat(q.score()).isLessThanOrEqualTo(optimum));
            }
        }
    }

    private static boolean contains(int[] members, int o) {
        for (int m : members) {
            if (m == o) {
                return true;
            }
        }
        return false;
    }
}
