package org.commonground.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;

/**
 * Runs the engine on Pol.is open-data exports and compares its opinion groups with the groups
 * Pol.is itself published (participants-votes.csv): participants in both maps, group counts and
 * the adjusted Rand index between the two groupings.
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.PolisComparison
 * ../shared/polis-opendata/*}
 */
public final class PolisComparison {
    public static void main(String[] args) throws IOException {
        System.out.printf(
                "%-36s %8s %9s %9s %12s %12s %6s %8s%n",
                "conversation", "votes", "inMap", "polisMap", "groups", "polisGroups", "ARI", "seconds");
        for (String folder : args) {
            Path dir = Path.of(folder);
            if (!Files.exists(dir.resolve("votes.csv"))) {
                continue;
            }
            compare(dir);
        }
    }

    private static void compare(Path dir) throws IOException {
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (CSVRecord row : records(dir.resolve("comments.csv"))) {
            long id = Long.parseLong(row.get("comment-id"));
            if (row.get("moderated").trim().equals("-1")) {
                builder.reject(id);
            } else {
                builder.statement(id);
            }
        }
        for (CSVRecord row : records(dir.resolve("votes.csv"))) {
            builder.vote(
                    Long.parseLong(row.get("voter-id")),
                    Long.parseLong(row.get("comment-id")),
                    (int) Double.parseDouble(row.get("vote")),
                    Long.parseLong(row.get("timestamp")));
        }
        VoteMatrix votes = builder.build();
        Map<Long, Integer> polisGroup = new HashMap<>();
        for (CSVRecord row : records(dir.resolve("participants-votes.csv"))) {
            String group = row.get("group-id");
            if (!group.isBlank()) {
                polisGroup.put(Long.parseLong(row.get("participant")), Integer.parseInt(group));
            }
        }
        AnalysisResult result =
                Analysis.run(votes, Cohorts.none(), AnalysisOptions.defaults().withSeed(1));
        List<int[]> pairs = new ArrayList<>();
        for (var e : polisGroup.entrySet()) {
            var ours = result.groupOf(e.getKey());
            if (ours.isPresent()) {
                pairs.add(new int[] {e.getValue(), ours.getAsInt()});
            }
        }
        double ari = Agreement.adjustedRandIndex(
                pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
        long polisGroups = polisGroup.values().stream().distinct().count();
        System.out.printf(
                "%-36s %8d %9d %9d %12d %12d %6.3f %8.3f%n",
                dir.getFileName(),
                votes.voteCount(),
                result.participantCount(),
                polisGroup.size(),
                result.groups().size(),
                polisGroups,
                ari,
                result.analysisSeconds());
    }

    private static Iterable<CSVRecord> records(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader)
                .getRecords();
    }
}
