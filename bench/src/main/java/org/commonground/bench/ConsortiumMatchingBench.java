package org.commonground.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.forum.planning.ConsortiumMatcher;
import org.commonground.forum.planning.MatchingRules;
import org.commonground.forum.planning.Proposal;

/**
 * The top proposals for every project of a large synthetic forum, on the forum's own matcher.
 * Target: 5,000 organizations × 2,000 projects → top 5 for every project in ≤ 10 s on 2 cores.
 *
 * <p>Usage: {@code ./commonground bench org.commonground.bench.ConsortiumMatchingBench
 * --organizations 5000 --projects 2000 [--threads 2] [--runs 3] [--seed 1]}. Prints one line per
 * run, then one JSON line: median wall seconds and CPU seconds, projects, projects with at least
 * one proposal, and the mean weighted coverage (0..1) of their best proposal.
 */
public final class ConsortiumMatchingBench {
    public static void main(String[] args) {
        Map<String, Long> o = SyntheticForum.options(
                args, Map.of("organizations", 5000L, "projects", 2000L, "threads", 2L, "runs", 3L, "seed", 1L));
        int organizations = o.get("organizations").intValue();
        int projects = o.get("projects").intValue();
        var forum = SyntheticForum.matching(organizations, projects, o.get("seed"));
        int runs = o.get("runs").intValue();
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        int withProposal = 0;
        double meanCoverage = 0;
        long proposals = 0;
        for (int run = 0; run < runs; run++) {
            double cpuStart = SyntheticForum.cpuSeconds();
            long start = System.nanoTime();
            var matcher = ConsortiumMatcher.of(
                    forum.organizations(), forum.projects(), forum.conflicts(), MatchingRules.defaults());
            List<List<Proposal>> all = matcher.proposeAll(o.get("threads").intValue());
            seconds[run] = (System.nanoTime() - start) / 1e9;
            cpu[run] = SyntheticForum.cpuSeconds() - cpuStart;
            withProposal = 0;
            double coverage = 0;
            proposals = 0;
            for (List<Proposal> top : all) {
                proposals += top.size();
                if (!top.isEmpty()) {
                    withProposal++;
                    coverage += top.getFirst().coverage();
                }
            }
            meanCoverage = withProposal == 0 ? 0 : coverage / withProposal;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %.3f s wall, %.3f s CPU, %d proposals%n",
                    run + 1,
                    seconds[run],
                    cpu[run],
                    proposals);
        }
        System.out.printf(
                Locale.ROOT,
                "{\"seconds\":%.3f,\"cpuSeconds\":%.3f,\"organizations\":%d,\"projects\":%d,"
                        + "\"projectsWithProposal\":%d,\"proposals\":%d,\"meanCoverage\":%.4f,\"runs\":%d}%n",
                SyntheticForum.median(seconds),
                SyntheticForum.median(cpu),
                organizations,
                projects,
                withProposal,
                proposals,
                meanCoverage,
                runs);
    }
}
