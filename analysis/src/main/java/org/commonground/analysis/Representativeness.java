package org.commonground.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pol.is's statistics over opinion groups: representative statements per group (repness), majority
 * consensus and group-informed consensus. Counts per group come from {@link #tally}: for group g and
 * statement s, index (g·statements + s)·3 + vote code.
 */
final class Representativeness {
    /** One-sided 90% significance, Pol.is's z-sig-90. */
    static final double Z_90 = 1.2816;

    static final int MAX_REPRESENTATIVE = 5;
    static final int MAX_CONSENSUS = 5;

    private Representativeness() {}

    static int[] tally(VoteMatrix m, int[] rows, int[] groupOfRow, int groups, Parallel parallel) {
        int statements = m.statementCount();
        int chunks = Math.min(Parallel.chunks(rows.length), Math.max(1, parallel.threads()));
        int[][] partial = new int[chunks][groups * statements * 3];
        int[] rowStart = m.rowStart();
        int[] cells = m.cells();
        parallel.forEach(rows.length, chunks, (c, from, to) -> {
            int[] acc = partial[c];
            for (int i = from; i < to; i++) {
                int p = rows[i];
                int offset = groupOfRow[i] * statements;
                for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                    acc[(offset + VoteMatrix.statementOf(cells[k])) * 3 + VoteMatrix.codeOf(cells[k])]++;
                }
            }
        });
        return Parallel.sumInOrder(partial);
    }

    /** Pol.is prop-test: z of a proportion against ½ with one pseudo-count added to both counts. */
    static double propTest(double successes, double trials) {
        double s = successes + 1;
        double n = trials + 1;
        return 2 * Math.sqrt(n) * (s / n - 0.5);
    }

    /** Pol.is two-prop-test with one pseudo-count on each of the four counts. */
    static double twoPropTest(double successIn, double successOut, double trialsIn, double trialsOut) {
        double s1 = successIn + 1;
        double s2 = successOut + 1;
        double n1 = trialsIn + 1;
        double n2 = trialsOut + 1;
        double pHat = (s1 + s2) / (n1 + n2);
        if (pHat >= 1) {
            return 0;
        }
        return (s1 / n1 - s2 / n2) / Math.sqrt(pHat * (1 - pHat) * (1 / n1 + 1 / n2));
    }

    private record Stats(
            int statement,
            int na,
            int nd,
            int ns,
            double pa,
            double pd,
            double pat,
            double pdt,
            double ra,
            double rd,
            double rat,
            double rdt) {
        Candidate finalised() {
            return rat > rdt
                    ? new Candidate(statement, Direction.AGREE, ra * rat * pa * pat, rat)
                    : new Candidate(statement, Direction.DISAGREE, rd * rdt * pd * pdt, rdt);
        }

        boolean passes() {
            return (rat > Z_90 && pat > Z_90) || (rdt > Z_90 && pdt > Z_90);
        }
    }

    private record Candidate(int statement, Direction direction, double score, double test) {}

    static List<List<AnalysisResult.RepresentativeStatement>> representative(VoteMatrix m, int[] counts, int groups) {
        int statements = m.statementCount();
        List<List<AnalysisResult.RepresentativeStatement>> result = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Candidate> sufficient = new ArrayList<>();
            Candidate best = null;
            Stats bestAgree = null;
            for (int s = 0; s < statements; s++) {
                Stats st = stats(counts, groups, statements, g, s);
                if (st.passes()) {
                    sufficient.add(st.finalised());
                }
                if (sufficient.isEmpty() && (best == null || Math.max(st.rat(), st.rdt()) > best.test())) {
                    best = st.finalised();
                }
                if (beatsBestAgree(st, bestAgree)) {
                    bestAgree = st;
                }
            }
            List<Candidate> chosen = new ArrayList<>();
            Candidate head = bestAgree != null ? bestAgree.finalised() : best;
            if (sufficient.isEmpty()) {
                if (head != null) {
                    chosen.add(head);
                }
            } else {
                Candidate agreeHead = bestAgree == null ? null : bestAgree.finalised();
                List<Candidate> sorted = new ArrayList<>(sufficient);
                if (agreeHead != null) {
                    sorted.removeIf(c -> c.statement() == agreeHead.statement());
                }
                sorted.sort(
                        Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::statement));
                if (agreeHead != null) {
                    chosen.add(agreeHead);
                }
                for (Candidate c : sorted) {
                    if (chosen.size() == MAX_REPRESENTATIVE) {
                        break;
                    }
                    chosen.add(c);
                }
                // Pol.is shows what a group agrees with before what it rejects.
                chosen.sort(Comparator.comparingInt(c -> c.direction() == Direction.AGREE ? 0 : 1));
            }
            List<AnalysisResult.RepresentativeStatement> out = new ArrayList<>();
            for (Candidate c : chosen) {
                int base = (g * statements + c.statement()) * 3;
                out.add(new AnalysisResult.RepresentativeStatement(
                        m.statementId(c.statement()),
                        c.direction(),
                        finite(c.score()),
                        counts[base + VoteMatrix.AGREE],
                        counts[base + VoteMatrix.DISAGREE],
                        counts[base] + counts[base + 1] + counts[base + 2]));
            }
            result.add(List.copyOf(out));
        }
        return result;
    }

    private static boolean beatsBestAgree(Stats st, Stats current) {
        if (st.na() == 0 && st.nd() == 0) {
            return false;
        }
        if (current != null && current.ra() > 1.0) {
            return st.ra() * st.rat() * st.pa() * st.pat()
                    > current.ra() * current.rat() * current.pa() * current.pat();
        }
        if (current != null) {
            return st.pa() * st.pat() > current.pa() * current.pat();
        }
        return st.pat() > Z_90 || (st.ra() > 1.0 && st.pa() > 0.5);
    }

    private static Stats stats(int[] counts, int groups, int statements, int g, int s) {
        int base = (g * statements + s) * 3;
        int na = counts[base + VoteMatrix.AGREE];
        int nd = counts[base + VoteMatrix.DISAGREE];
        int ns = na + nd + counts[base + VoteMatrix.PASS];
        int naRest = 0;
        int ndRest = 0;
        int nsRest = 0;
        for (int h = 0; h < groups; h++) {
            if (h != g) {
                int b = (h * statements + s) * 3;
                naRest += counts[b + VoteMatrix.AGREE];
                ndRest += counts[b + VoteMatrix.DISAGREE];
                nsRest += counts[b] + counts[b + 1] + counts[b + 2];
            }
        }
        double pa = (na + 1.0) / (ns + 2.0);
        double pd = (nd + 1.0) / (ns + 2.0);
        return new Stats(
                s,
                na,
                nd,
                ns,
                pa,
                pd,
                propTest(na, ns),
                propTest(nd, ns),
                pa / ((naRest + 1.0) / (nsRest + 2.0)),
                pd / ((ndRest + 1.0) / (nsRest + 2.0)),
                twoPropTest(na, naRest, ns, nsRest),
                twoPropTest(nd, ndRest, ns, nsRest));
    }

    /** Majority consensus over everyone in the map: p > ½ and z > 1.2816, best five agrees then best five disagrees. */
    static List<AnalysisResult.Consensus> consensus(VoteMatrix m, int[] counts, int groups) {
        int statements = m.statementCount();
        List<AnalysisResult.Consensus> out = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            int code = direction == Direction.AGREE ? VoteMatrix.AGREE : VoteMatrix.DISAGREE;
            List<AnalysisResult.Consensus> candidates = new ArrayList<>();
            for (int s = 0; s < statements; s++) {
                int n = 0;
                int success = 0;
                for (int g = 0; g < groups; g++) {
                    int b = (g * statements + s) * 3;
                    n += counts[b] + counts[b + 1] + counts[b + 2];
                    success += counts[b + code];
                }
                double p = (success + 1.0) / (n + 2.0);
                double z = propTest(success, n);
                if (p > 0.5 && z > Z_90) {
                    candidates.add(new AnalysisResult.Consensus(m.statementId(s), direction, finite(p * z)));
                }
            }
            candidates.sort(Comparator.comparingDouble(AnalysisResult.Consensus::score)
                    .reversed()
                    .thenComparingLong(AnalysisResult.Consensus::statement));
            out.addAll(candidates.subList(0, Math.min(MAX_CONSENSUS, candidates.size())));
        }
        return List.copyOf(out);
    }

    /** Π over groups of (agrees + 1) / (votes + 2): high only if every group tends to agree. */
    static List<AnalysisResult.GroupInformedConsensus> groupInformedConsensus(VoteMatrix m, int[] counts, int groups) {
        int statements = m.statementCount();
        List<AnalysisResult.GroupInformedConsensus> out = new ArrayList<>();
        if (groups == 0) {
            return List.of();
        }
        for (int s = 0; s < statements; s++) {
            double product = 1;
            for (int g = 0; g < groups; g++) {
                int b = (g * statements + s) * 3;
                product *= (counts[b + VoteMatrix.AGREE] + 1.0) / (counts[b] + counts[b + 1] + counts[b + 2] + 2.0);
            }
            out.add(new AnalysisResult.GroupInformedConsensus(m.statementId(s), product));
        }
        out.sort(Comparator.comparingDouble(AnalysisResult.GroupInformedConsensus::score)
                .reversed()
                .thenComparingLong(AnalysisResult.GroupInformedConsensus::statement));
        return List.copyOf(out);
    }

    static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
