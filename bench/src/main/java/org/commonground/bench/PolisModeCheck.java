package org.commonground.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisGroups;
import org.commonground.polis.ValidationReport;
import org.commonground.results.AnalysisInput;

/**
 * The engine's Pol.is mode ({@code analyze --method polis}) against Pol.is's own {@code group-id} on
 * every export folder given, beside red-dwarf's figure for the same file (measured for issue 10):
 * participants in the map, groups, adjusted Rand index, and whether it reaches red-dwarf's.
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.PolisModeCheck
 * [--seed N] ../shared/polis-opendata/*}
 */
public final class PolisModeCheck {
    public static void main(String[] args) {
        long seed = 1;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            } else if (Files.exists(Path.of(args[i], "comments.csv"))) {
                dirs.add(Path.of(args[i]));
            }
        }
        int reached = 0;
        for (Path dir : dirs) {
            PolisExport export = PolisExport.read(dir);
            AnalysisInput input = export.analysisInput();
            AnalysisResult result = Analysis.run(
                    input.votes(),
                    input.cohorts(),
                    AnalysisOptions.defaults()
                            .withSeed(seed)
                            .withPolisRules(export.moderatedVotes())
                            .withConvergence(false));
            Map<Integer, Integer> polis = PolisGroups.read(dir);
            Map<Long, Integer> ours = new HashMap<>();
            for (AnalysisResult.OpinionGroup g : result.groups()) {
                g.participants().stream().forEach(p -> ours.put(p, g.id()));
            }
            List<int[]> pairs = new ArrayList<>();
            polis.forEach((id, group) -> {
                Integer mine = ours.get((long) id);
                if (mine != null) {
                    pairs.add(new int[] {mine, group});
                }
            });
            double ari = Agreement.adjustedRandIndex(
                    pairs.stream().mapToInt(p -> p[0]).toArray(),
                    pairs.stream().mapToInt(p -> p[1]).toArray());
            String name = dir.getFileName().toString();
            double redDwarf = ValidationReport.RED_DWARF_ARI.getOrDefault(name, Double.NaN);
            boolean ok = !(ari < redDwarf - 5e-4);
            reached += ok ? 1 : 0;
            System.out.printf(
                    "%-36s in map %5d  groups %d  ARI %.3f  red-dwarf %.3f  %s%n",
                    name, result.participantCount(), result.groups().size(), ari, redDwarf, ok ? "ok" : "SHORT");
        }
        System.out.printf("reached red-dwarf's ARI on %d of %d%n", reached, dirs.size());
    }
}
