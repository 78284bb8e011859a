package org.commonground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.commonground.db.Database;
import org.commonground.polis.ConversationExport;
import org.commonground.polis.PolisExport;
import org.commonground.problem.NotFound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export ID OUT_DIR}: writes a conversation as a Pol.is export folder. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a conversation in the Pol.is export format: comments.csv, votes.csv (every vote "
                + "event), participants.csv (cohort columns), participants-votes.csv (latest votes), "
                + "summary.csv.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONVERSATION_ID")
    long conversationId;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Folder to write (created if missing).")
    Path outDir;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = database.open()) {
            long started = System.nanoTime();
            PolisExport export = new ConversationExport(Database.jdbi(db.dataSource())).load(conversationId);
            long loaded = System.nanoTime();
            export.write(outDir);
            long written = System.nanoTime();
            out.printf(
                    Locale.ROOT,
                    "Exported conversation %d: %,d statements, %,d vote events (%,d current votes),"
                            + " %,d participants to %s: database %.2f s, files %.2f s.%n",
                    conversationId,
                    export.comments().size(),
                    export.votes().size(),
                    export.latestVotes().size(),
                    export.participantIds().length,
                    outDir,
                    ImportPolisCommand.seconds(loaded - started),
                    ImportPolisCommand.seconds(written - loaded));
            return 0;
        } catch (NotFound e) {
            spec.commandLine().getErr().println("export: there is no conversation " + conversationId);
            return 1;
        }
    }
}
