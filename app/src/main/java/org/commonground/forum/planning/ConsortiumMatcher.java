package org.commonground.forum.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Proposes teams of one organization per country (US, JP, KR; two of the three when the rules
 * allow it) for projects, ranked by {@link #score}. Hard constraints: a member is eligible for a
 * project only if it covers at least one required capability, is not excluded from the project and
 * is in fewer than {@link MatchingRules#maxOpenConsortia()} open consortia; two members that
 * declared a conflict are never teamed.
 *
 * <p>The search keeps, per seat, the {@code candidatesPerSeat} best organizations by their own
 * contribution plus the {@code perCapability} best holders of each required capability (so a rare
 * capability is never pruned away), then scores every team of those candidates exactly. With
 * unlimited candidates ({@link #exhaustive}) this enumerates every team and is exact; bench
 * measures the pruned search against CP-SAT's optimum.
 *
 * <p>Score, in [0, 1], with W the total weight of the required capabilities:
 * {@code coverage·covered/W + complementarity·(1 − overlap/(2W)) + Σ members (interest·i +
 * experience·e + sizeFit·f)/3}, where overlap is the weight covered by more than one member counted
 * once per extra holder, i/e are 0 or 1 (marked interest, works in the host market) and
 * f = 1 − |size − project size|/4. An empty seat adds nothing to the member terms. Every term is
 * linear in the choice of members, so an exact integer program scores teams the same way.
 */
public final class ConsortiumMatcher {
    private static final int[] NO_CONFLICTS = new int[0];

    private final MatchingOrganization[] organizations;
    private final MatchingProject[] projects;
    private final int[][] conflicts;
    private final MatchingRules rules;
    private final int candidatesPerSeat;
    private final int perCapability;

    private ConsortiumMatcher(
            List<MatchingOrganization> organizations,
            List<MatchingProject> projects,
            List<int[]> conflictPairs,
            MatchingRules rules,
            int candidatesPerSeat,
            int perCapability) {
        this.organizations = organizations.toArray(MatchingOrganization[]::new);
        this.projects = projects.toArray(MatchingProject[]::new);
        this.rules = rules;
        this.candidatesPerSeat = candidatesPerSeat;
        this.perCapability = perCapability;
        int n = this.organizations.length;
        int[] degree = new int[n];
        for (int[] pair : conflictPairs) {
            check(pair[0], n);
            check(pair[1], n);
            degree[pair[0]]++;
            degree[pair[1]]++;
        }
        conflicts = new int[n][];
        for (int i = 0; i < n; i++) {
            conflicts[i] = degree[i] == 0 ? NO_CONFLICTS : new int[degree[i]];
            degree[i] = 0;
        }
        for (int[] pair : conflictPairs) {
            conflicts[pair[0]][degree[pair[0]]++] = pair[1];
            conflicts[pair[1]][degree[pair[1]]++] = pair[0];
        }
        for (int[] c : conflicts) {
            Arrays.sort(c);
        }
    }

    private static void check(int organization, int n) {
        if (organization < 0 || organization >= n) {
            throw new IllegalArgumentException("conflict names organization " + organization + " of " + n);
        }
    }

    /** The pruned search used by the forum: 24 best per seat plus the 3 best holders of each capability. */
    public static ConsortiumMatcher of(
            List<MatchingOrganization> organizations,
            List<MatchingProject> projects,
            List<int[]> conflictPairs,
            MatchingRules rules) {
        return new ConsortiumMatcher(organizations, projects, conflictPairs, rules, 24, 3);
    }

    /** A search with the given pruning, for measuring what pruning costs. */
    public static ConsortiumMatcher pruned(
            List<MatchingOrganization> organizations,
            List<MatchingProject> projects,
            List<int[]> conflictPairs,
            MatchingRules rules,
            int candidatesPerSeat,
            int perCapability) {
        return new ConsortiumMatcher(organizations, projects, conflictPairs, rules, candidatesPerSeat, perCapability);
    }

    /** Every team of eligible organizations is scored: exact, for small instances and tests. */
    public static ConsortiumMatcher exhaustive(
            List<MatchingOrganization> organizations,
            List<MatchingProject> projects,
            List<int[]> conflictPairs,
            MatchingRules rules) {
        return new ConsortiumMatcher(organizations, projects, conflictPairs, rules, Integer.MAX_VALUE, 0);
    }

    public int projectCount() {
        return projects.length;
    }

    public MatchingRules rules() {
        return rules;
    }

    /** Whether the two organizations declared a conflict (either way round). */
    public boolean conflict(int a, int b) {
        return a >= 0 && b >= 0 && Arrays.binarySearch(conflicts[a], b) >= 0;
    }

    /** Bit mask over the project's required capabilities (by position) that the organization has. */
    public long coverageMask(int organization, int project) {
        MatchingProject p = projects[project];
        MatchingOrganization o = organizations[organization];
        long mask = 0;
        for (int i = 0; i < p.required().length; i++) {
            if (o.has(p.required()[i])) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** Whether the organization may sit on a team for the project (the hard constraints on one member). */
    public boolean eligible(int organization, int project) {
        MatchingOrganization o = organizations[organization];
        MatchingProject p = projects[project];
        return o.seat() >= 0
                && o.openConsortia() < rules.maxOpenConsortia()
                && !contains(p.excluded(), organization)
                && coverageMask(organization, project) != 0;
    }

    /**
     * The part of the score a member brings regardless of its teammates (interest, experience,
     * size fit), in [0, (interest + experience + sizeFit)/3].
     */
    public double memberTerm(int organization, int project) {
        MatchingOrganization o = organizations[organization];
        MatchingProject p = projects[project];
        double interested = contains(p.interested(), organization) ? 1 : 0;
        double experienced = (o.markets() >>> p.market() & 1L) != 0 ? 1 : 0;
        double fit = 1 - Math.abs(o.size() - p.size()) / 4.0;
        return (rules.interest() * interested + rules.experience() * experienced + rules.sizeFit() * fit) / 3;
    }

    /**
     * The score of a team (organization per seat, -1 for an empty seat), or {@code NaN} when the
     * team breaks a hard constraint: wrong seat, ineligible member, a conflict, too few members.
     */
    public double score(int project, int[] members) {
        if (members.length != 3) {
            return Double.NaN;
        }
        int present = 0;
        long[] masks = new long[3];
        double memberTerms = 0;
        for (int s = 0; s < 3; s++) {
            int m = members[s];
            if (m < 0) {
                continue;
            }
            if (organizations[m].seat() != s || !eligible(m, project)) {
                return Double.NaN;
            }
            present++;
            masks[s] = coverageMask(m, project);
            memberTerms += memberTerm(m, project);
        }
        if (present < (rules.allowTwoSeats() ? 2 : 3)
                || conflict(members[0], members[1])
                || conflict(members[0], members[2])
                || conflict(members[1], members[2])) {
            return Double.NaN;
        }
        double[] w = projects[project].weights();
        return teamScore(w, projects[project].totalWeight(), masks[0], masks[1], masks[2], memberTerms);
    }

    private double teamScore(double[] w, double total, long a, long b, long c, double memberTerms) {
        double covered = weight(w, a | b | c);
        double overlap = weight(w, a) + weight(w, b) + weight(w, c) - covered;
        return rules.coverage() * covered / total + rules.complementarity() * (1 - overlap / (2 * total)) + memberTerms;
    }

    private static double weight(double[] w, long mask) {
        double sum = 0;
        while (mask != 0) {
            sum += w[Long.numberOfTrailingZeros(mask)];
            mask &= mask - 1;
        }
        return sum;
    }

    /** The proposal for a team with its explanation; the team must be feasible ({@link #score} not NaN). */
    public Proposal explain(int project, int[] members) {
        double score = score(project, members);
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException(
                    "infeasible team " + Arrays.toString(members) + " for project " + project);
        }
        MatchingProject p = projects[project];
        int[] coveredBy = new int[p.required().length];
        long union = 0;
        for (int s = 0; s < 3; s++) {
            if (members[s] >= 0) {
                long mask = coverageMask(members[s], project);
                union |= mask;
                for (int i = 0; i < coveredBy.length; i++) {
                    if ((mask >>> i & 1L) != 0) {
                        coveredBy[i] |= 1 << s;
                    }
                }
            }
        }
        return new Proposal(project, members.clone(), score, weight(p.weights(), union) / p.totalWeight(), coveredBy);
    }

    /** The best teams for every project, computed on {@code threads} threads; index = project. */
    public List<List<Proposal>> proposeAll(int threads) {
        List<List<Proposal>> out = new ArrayList<>(projects.length);
        @SuppressWarnings("unchecked")
        List<Proposal>[] results = new List[projects.length];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, projects.length).parallel().forEach(p -> results[p] = propose(p)))
                    .join();
        } finally {
            pool.shutdown();
        }
        out.addAll(Arrays.asList(results));
        return out;
    }

    /** The best {@link MatchingRules#proposals()} teams for one project, best first; ties by member indices. */
    public List<Proposal> propose(int project) {
        MatchingProject p = projects[project];
        double[] w = p.weights();
        double total = p.totalWeight();
        Candidates[] seats = {new Candidates(), new Candidates(), new Candidates()};
        for (int o = 0; o < organizations.length; o++) {
            MatchingOrganization org = organizations[o];
            if (org.seat() < 0 || org.openConsortia() >= rules.maxOpenConsortia()) {
                continue;
            }
            long mask = coverageMask(o, project);
            if (mask == 0 || contains(p.excluded(), o)) {
                continue;
            }
            double term = memberTerm(o, project);
            seats[org.seat()].add(o, mask, term, rules.coverage() * weight(w, mask) / total + term);
        }
        int minimum = rules.allowTwoSeats() ? 2 : 3;
        int[][] chosen = new int[3][];
        for (int s = 0; s < 3; s++) {
            chosen[s] = seats[s].best(candidatesPerSeat, perCapability, p.required().length);
        }
        Ranking ranking = new Ranking(rules.proposals());
        int[] a = withEmpty(chosen[0]);
        int[] b = withEmpty(chosen[1]);
        int[] c = withEmpty(chosen[2]);
        for (int ia : a) {
            long ma = ia < 0 ? 0 : seats[0].mask[ia];
            double ta = ia < 0 ? 0 : seats[0].term[ia];
            int oa = ia < 0 ? -1 : seats[0].organization[ia];
            for (int ib : b) {
                int ob = ib < 0 ? -1 : seats[1].organization[ib];
                if (conflict(oa, ob)) {
                    continue;
                }
                long mb = ib < 0 ? 0 : seats[1].mask[ib];
                double tb = ib < 0 ? 0 : seats[1].term[ib];
                for (int ic : c) {
                    int oc = ic < 0 ? -1 : seats[2].organization[ic];
                    int present = (oa >= 0 ? 1 : 0) + (ob >= 0 ? 1 : 0) + (oc >= 0 ? 1 : 0);
                    if (present < minimum || conflict(oa, oc) || conflict(ob, oc)) {
                        continue;
                    }
                    long mc = ic < 0 ? 0 : seats[2].mask[ic];
                    double tc = ic < 0 ? 0 : seats[2].term[ic];
                    ranking.offer(teamScore(w, total, ma, mb, mc, ta + tb + tc), oa, ob, oc);
                }
            }
        }
        List<Proposal> out = new ArrayList<>(ranking.size);
        for (int i = 0; i < ranking.size; i++) {
            out.add(explain(project, ranking.teams[i]));
        }
        return out;
    }

    /** Candidate positions with -1 (the empty seat) added when two seats are enough. */
    private int[] withEmpty(int[] positions) {
        if (!rules.allowTwoSeats()) {
            return positions;
        }
        int[] out = Arrays.copyOf(positions, positions.length + 1);
        out[positions.length] = -1;
        return out;
    }

    private static boolean contains(int[] sortedOrNot, int value) {
        for (int v : sortedOrNot) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** The eligible organizations of one seat for one project, growing arrays. */
    private static final class Candidates {
        int size;
        int[] organization = new int[64];
        long[] mask = new long[64];
        double[] term = new double[64];
        double[] single = new double[64];

        void add(int o, long m, double t, double s) {
            if (size == organization.length) {
                organization = Arrays.copyOf(organization, size * 2);
                mask = Arrays.copyOf(mask, size * 2);
                term = Arrays.copyOf(term, size * 2);
                single = Arrays.copyOf(single, size * 2);
            }
            organization[size] = o;
            mask[size] = m;
            term[size] = t;
            single[size] = s;
            size++;
        }

        /** Positions of the {@code k} best by own contribution, plus the {@code l} best holders of each capability. */
        int[] best(int k, int l, int capabilities) {
            if (k >= size) {
                int[] all = new int[size];
                Arrays.setAll(all, i -> i);
                return all;
            }
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (x, y) -> {
                int bySingle = Double.compare(single[y], single[x]);
                return bySingle != 0 ? bySingle : Integer.compare(organization[x], organization[y]);
            });
            boolean[] taken = new boolean[size];
            int[] out = new int[Math.min(size, k + l * capabilities)];
            int n = 0;
            for (int i = 0; i < k; i++) {
                taken[order[i]] = true;
                out[n++] = order[i];
            }
            for (int cap = 0; cap < capabilities && l > 0; cap++) {
                int found = 0;
                for (int i = 0; i < size && found < l; i++) {
                    int pos = order[i];
                    if ((mask[pos] >>> cap & 1L) != 0) {
                        found++;
                        if (!taken[pos]) {
                            taken[pos] = true;
                            out[n++] = pos;
                        }
                    }
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** The best few teams seen so far, best first; equal scores keep the lexicographically smaller team first. */
    private static final class Ranking {
        final double[] scores;
        final int[][] teams;
        int size;

        Ranking(int capacity) {
            scores = new double[capacity];
            teams = new int[capacity][];
        }

        void offer(double score, int a, int b, int c) {
            int pos = size;
            while (pos > 0 && before(score, a, b, c, pos - 1)) {
                pos--;
            }
            if (pos >= scores.length) {
                return;
            }
            int last = Math.min(size, scores.length - 1);
            for (int i = last; i > pos; i--) {
                scores[i] = scores[i - 1];
                teams[i] = teams[i - 1];
            }
            scores[pos] = score;
            teams[pos] = new int[] {a, b, c};
            size = Math.min(size + 1, scores.length);
        }

        private boolean before(double score, int a, int b, int c, int i) {
            if (score != scores[i]) {
                return score > scores[i];
            }
            return Arrays.compare(new int[] {a, b, c}, teams[i]) < 0;
        }
    }
}
