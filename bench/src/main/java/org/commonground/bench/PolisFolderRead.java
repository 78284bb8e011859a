package org.commonground.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.commonground.polis.PolisExport;
import org.commonground.results.AnalysisInput;

/**
 * Times reading Pol.is export folders the way {@code analyze --polis-export} does: parsing the CSV
 * files ({@link PolisExport#read}) and building the vote matrix ({@link PolisExport#analysisInput}), several
 * times in one JVM (the first run includes class loading and the JIT).
 *
 * <p>Usage: {@code java -cp bench/target/commonground-bench.jar org.commonground.bench.PolisFolderRead
 * [--runs N] DIR...}; or {@code ... PolisFolderRead write DIR participants statements votesPerParticipant}
 * to write a {@link SyntheticConversation} (seed 1) as an export folder, for sizes beyond the shared
 * sets: one vote event per current vote, comment-ids and voter-ids counted from 0.
 */
public final class PolisFolderRead {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("write")) {
            write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int runs = 5;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        for (Path dir : dirs) {
            for (int run = 1; run <= runs; run++) {
                long cpu = cpuNanos();
                long t0 = System.nanoTime();
                PolisExport export = PolisExport.read(dir);
                long t1 = System.nanoTime();
                AnalysisInput input = export.analysisInput();
                long t2 = System.nanoTime();
                System.out.printf(
                        "%s run %d: read %.3f s + matrix %.3f s = %.3f s (process cpu %.3f s); %,d vote events, %,d current votes%n",
                        dir.getFileName(),
                        run,
                        (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9,
                        (t2 - t0) / 1e9,
                        (cpuNanos() - cpu) / 1e9,
                        export.votes().size(),
                        input.votes().voteCount());
            }
        }
    }

    private static void write(Path dir, int participants, int statements, int votesPerParticipant) {
        SyntheticConversation c = new SyntheticConversation(participants, statements, votesPerParticipant, 0.35, 1);
        List<PolisExport.Comment> comments = new ArrayList<>();
        for (int s = 0; s < statements; s++) {
            PolisExport.Moderation moderation = c.kind[s] == SyntheticConversation.Kind.REJECTED
                    ? PolisExport.Moderation.REJECTED
                    : PolisExport.Moderation.ACCEPTED;
            comments.add(new PolisExport.Comment(
                    s,
                    1_700_000_000_000L,
                    OptionalInt.empty(),
                    moderation,
                    false,
                    "Statement " + s + ", with a comma and \"quotes\" as real comments have"));
        }
        List<PolisExport.VoteEvent> votes = new ArrayList<>();
        c.forEachVote((p, s, value, at) -> votes.add(new PolisExport.VoteEvent(at, s, p, value)));
        List<PolisExport.Voter> people = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            people.add(new PolisExport.Voter(
                    p, Map.of("country", List.of("JP", "KR", "US").get(c.countryOf[p]))));
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new PolisExport(
                        new PolisExport.Summary("synthetic " + participants + " x " + statements, ""),
                        comments,
                        votes,
                        PolisExport.VoteSource.HISTORY,
                        List.of("country"),
                        people)
                .write(dir);
        System.out.printf(
                "wrote %s: %,d comments, %,d votes, %,d participants%n", dir, statements, votes.size(), participants);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
