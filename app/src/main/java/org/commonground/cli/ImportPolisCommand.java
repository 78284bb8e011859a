package org.commonground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.commonground.db.Database;
import org.commonground.polis.ImportedConversation;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisFormatException;
import org.commonground.polis.PolisImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import-polis DIR}: a Pol.is export folder becomes a new conversation; its id is the last line printed. */
@Command(
        name = "import-polis",
        mixinStandardHelpOptions = true,
        description = "Import a Pol.is export folder (comments.csv, votes.csv or participants-votes.csv, "
                + "optional participants.csv with cohort columns, summary.csv) as a new conversation. "
                + "Prints the new conversation's id as the last line. A malformed folder is refused with "
                + "file:line and nothing is imported.")
public final class ImportPolisCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The Pol.is export folder.")
    Path dir;

    @Option(
            names = "--title",
            paramLabel = "T",
            description = "Title (default: summary.csv's topic, else the folder name).")
    String title;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        PolisExport export;
        try {
            export = PolisExport.read(dir);
        } catch (PolisFormatException e) {
            return refused(err, e);
        }
        long read = System.nanoTime();
        try (Database db = database.open()) {
            long opened = System.nanoTime();
            Path name = dir.toAbsolutePath().normalize().getFileName();
            PolisImport.Result result = new PolisImport(Database.jdbi(db.dataSource()))
                    .run(
                            export,
                            ImportedConversation.imported(export, title, name == null ? "" : name.toString()),
                            ConsoleProgress.on(err));
            long done = System.nanoTime();
            out.printf(
                    Locale.ROOT,
                    "Imported %,d statements, %,d participants, %,d vote events (%,d current votes)"
                            + " from %s: read %.2f s, database %.2f s.%n",
                    result.statements(),
                    result.participants(),
                    result.voteEvents(),
                    result.currentVotes(),
                    dir,
                    seconds(read - started),
                    seconds(done - opened));
            out.println(result.conversationId());
            return 0;
        } catch (PolisFormatException e) {
            return refused(err, e);
        }
    }

    /** A malformed folder: says where and why, and that the database was left as it was. */
    private static int refused(PrintWriter err, PolisFormatException e) {
        err.println("import-polis: " + e.getMessage());
        err.println("import-polis: nothing was imported.");
        return 1;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
