package org.commonground.cli;

import java.nio.file.Path;
import org.commonground.db.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the data lives: the embedded PostgreSQL under a data directory (default {@code ./data}),
 * or an external server given by URL or the {@code COMMONGROUND_DATABASE_URL} environment variable.
 */
public final class DatabaseOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded database directory (default ./data).")
        Path dataDir;

        @Option(
                names = "--database-url",
                paramLabel = "URL",
                description = "External PostgreSQL, e.g. postgresql://user@host:5432/commonground.")
        String databaseUrl;
    }

    /** Opens the chosen database; the caller owns and closes it. */
    public Database open() {
        if (choice != null && choice.databaseUrl != null) {
            return Database.external(choice.databaseUrl);
        }
        if (choice != null && choice.dataDir != null) {
            return Database.embedded(choice.dataDir);
        }
        String env = System.getenv("COMMONGROUND_DATABASE_URL");
        if (env != null && !env.isBlank()) {
            return Database.external(env);
        }
        return Database.embedded(Path.of("data"));
    }
}
