package org.commonground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.commonground.polis.PolisFormatException;
import org.commonground.polis.PolisValidation;
import org.commonground.polis.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate-polis}: analyses every Pol.is export under a folder and writes docs/validation.md,
 * comparing each with Pol.is's own result. Exit code 1 when a folder cannot be read.
 */
@Command(
        name = "validate-polis",
        mixinStandardHelpOptions = true,
        description =
                "Compare our analysis with Pol.is's on every export folder under DIR and write a Markdown report.")
public final class ValidatePolisCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "A folder of Pol.is export folders, e.g. ../shared/polis-opendata.")
    Path root;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the analysis (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Markdown file to write, e.g. docs/validation.md.")
    Path out;

    @Spec
    CommandSpec spec;

    private static long votesBytes(Path dataset) {
        try {
            Path votes = dataset.resolve("votes.csv");
            return Files.exists(votes) ? Files.size(votes) : Files.size(dataset.resolve("participants-votes.csv"));
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(root)) {
            err.println("validate-polis: " + root + ": not a folder");
            return 1;
        }
        List<Path> datasets;
        try (Stream<Path> entries = Files.list(root)) {
            // The largest conversation first, while the JVM is fresh: its timings are those of a
            // single `analyze --polis-export` run (JVM start excluded), the others' are warm.
            datasets = entries.filter(d -> Files.exists(d.resolve("comments.csv")))
                    .sorted(Comparator.comparingLong(ValidatePolisCommand::votesBytes)
                            .reversed())
                    .toList();
        }
        List<PolisValidation.Row> rows = new ArrayList<>();
        try {
            for (Path dataset : datasets) {
                PolisValidation.Row row = PolisValidation.validate(dataset, seed);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s: %d in our map, %d in Pol.is's, ARI %.3f; Pol.is mode %d in the map, ARI %.3f%n",
                                row.dataset(),
                                row.inMap(),
                                row.polisInMap(),
                                row.adjustedRand(),
                                row.polisMode().inMap(),
                                row.polisMode().adjustedRand());
                rows.add(row);
            }
            rows.sort(Comparator.comparing(PolisValidation.Row::dataset));
            String markdown = ValidationReport.markdown(
                    rows,
                    root,
                    seed,
                    datasets.isEmpty() ? "" : datasets.getFirst().getFileName().toString());
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
        } catch (PolisFormatException e) {
            err.println("validate-polis: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println(
                    "validate-polis: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
