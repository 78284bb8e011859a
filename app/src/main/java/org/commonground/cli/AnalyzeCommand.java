package org.commonground.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisJson;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.db.Database;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisFormatException;
import org.commonground.problem.NotFound;
import org.commonground.results.AnalysisInput;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze}: runs the opinion engine once on a Pol.is export folder or on a conversation in the
 * database and writes the JSON result. Exit code 0 on success, 1 when the input cannot be read.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a conversation (opinion groups, consensus, bridging, cohorts, convergence) and write the result as JSON.")
public final class AnalyzeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--polis-export", paramLabel = "DIR",
                description = "A Pol.is export folder (comments.csv, votes.csv, optional participants.csv with cohort columns).")
        Path polisExport;

        @Option(names = "--conversation", paramLabel = "ID", description = "A conversation in the database.")
        Long conversation;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the JSON result.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Loaded loaded;
        try {
            loaded = source.polisExport != null ? fromFolder(source.polisExport) : fromDatabase(source.conversation);
        } catch (PolisFormatException e) {
            err.println("analyze: " + e.getMessage());
            return 1;
        } catch (NotFound e) {
            err.println("analyze: there is no conversation " + source.conversation);
            return 1;
        }
        AnalysisInput input = loaded.input();
        double loadSeconds = loaded.seconds();
        AnalysisResult result = Analysis.run(input.votes(), input.cohorts(), AnalysisOptions.defaults().withSeed(seed));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            AnalysisJson.write(result, loadSeconds, w);
        }
        spec.commandLine().getOut().printf("%d participants in the map, %d statements, %d votes, %d groups; load %.3f s, analysis %.3f s; wrote %s%n",
                result.participantCount(), result.statementCount(), result.voteCount(), result.groups().size(),
                loadSeconds, result.analysisSeconds(), out);
        return 0;
    }

    /** The input and the seconds spent reading it (starting a database server not included). */
    private record Loaded(AnalysisInput input, double seconds) {}

    private static Loaded fromFolder(Path folder) {
        long started = System.nanoTime();
        AnalysisInput input = PolisExport.read(folder).analysisInput();
        return new Loaded(input, (System.nanoTime() - started) / 1e9);
    }

    private Loaded fromDatabase(long conversationId) {
        try (Database db = database.open()) {
            Jdbi jdbi = Database.jdbi(db.dataSource());
            long started = System.nanoTime();
            AnalysisInput input = AnalysisInput.load(jdbi, conversationId);
            return new Loaded(input, (System.nanoTime() - started) / 1e9);
        }
    }
}
