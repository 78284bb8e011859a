package org.commonground.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisJson;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.ModeratedVotes;
import org.commonground.db.Database;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisFormatException;
import org.commonground.problem.NotFound;
import org.commonground.results.AnalysisInput;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code analyze}: runs the opinion engine once on a Pol.is export folder or on a conversation in the
 * database and writes the JSON result. Exit code 0 on success, 1 when the input cannot be read.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description =
                "Analyse a conversation (opinion groups, consensus, bridging, cohorts, convergence) and write the result as JSON.")
public final class AnalyzeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--polis-export",
                paramLabel = "DIR",
                description =
                        "A Pol.is export folder (comments.csv, votes.csv, optional participants.csv with cohort columns).")
        Path polisExport;

        @Option(names = "--conversation", paramLabel = "ID", description = "A conversation in the database.")
        Long conversation;
    }

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the JSON result.")
    Path out;

    @Option(
            names = "--method",
            defaultValue = "default",
            paramLabel = "default|polis",
            converter = MethodName.class,
            description = "default: our groups (a latent-class model of the cast votes); polis: Pol.is's rules "
                    + "(every voter in the PCA, moderated-out statements as zeroed columns, admission counting their votes, "
                    + "k-means groups). Default ${DEFAULT-VALUE}.")
    AnalysisOptions.Method method;

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
        AnalysisOptions options = AnalysisOptions.defaults().withSeed(seed);
        if (method == AnalysisOptions.Method.POLIS) {
            options = options.withPolisRules(loaded.moderated());
        }
        AnalysisResult result = Analysis.run(input.votes(), input.cohorts(), options);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            AnalysisJson.write(result, loadSeconds, w);
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "%d participants in the map, %d statements, %d votes, %d groups; load %.3f s, analysis %.3f s; wrote %s%n",
                        result.participantCount(),
                        result.statementCount(),
                        result.voteCount(),
                        result.groups().size(),
                        loadSeconds,
                        result.analysisSeconds(),
                        out);
        return 0;
    }

    /** "default" or "polis", in any case. */
    static final class MethodName implements ITypeConverter<AnalysisOptions.Method> {
        @Override
        public AnalysisOptions.Method convert(String value) {
            try {
                return AnalysisOptions.Method.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("method must be default or polis, not " + value);
            }
        }
    }

    /**
     * The input, the votes on moderated-out statements (read only for Pol.is's rules) and the seconds
     * spent reading them (starting a database server not included).
     */
    private record Loaded(AnalysisInput input, ModeratedVotes moderated, double seconds) {}

    private Loaded fromFolder(Path folder) {
        long started = System.nanoTime();
        PolisExport export = PolisExport.read(folder);
        AnalysisInput input = export.analysisInput();
        ModeratedVotes moderated =
                method == AnalysisOptions.Method.POLIS ? export.moderatedVotes() : ModeratedVotes.NONE;
        return new Loaded(input, moderated, (System.nanoTime() - started) / 1e9);
    }

    private Loaded fromDatabase(long conversationId) {
        try (Database db = database.open()) {
            Jdbi jdbi = Database.jdbi(db.dataSource());
            long started = System.nanoTime();
            AnalysisInput input = AnalysisInput.load(jdbi, conversationId);
            ModeratedVotes moderated = method == AnalysisOptions.Method.POLIS
                    ? AnalysisInput.moderatedVotes(jdbi, conversationId)
                    : ModeratedVotes.NONE;
            return new Loaded(input, moderated, (System.nanoTime() - started) / 1e9);
        }
    }
}
