package org.commonground.cli;

import java.nio.file.Path;
import org.commonground.AppConfig;
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

    /** Opens the chosen database with the pool size of {@link AppConfig#defaults()}; the caller owns and closes it. */
    public Database open() {
        return open(AppConfig.defaults().databasePool());
    }

    /** Opens the chosen database with {@code poolSize} connections; the caller owns and closes it. */
    public Database open(int poolSize) {
        if (choice != null && choice.databaseUrl != null) {
            return Database.external(choice.databaseUrl, poolSize);
        }
        if (choice != null && choice.dataDir != null) {
            return Database.embedded(choice.dataDir, poolSize);
        }
        String env = System.getenv("COMMONGROUND_DATABASE_URL");
        if (env != null && !env.isBlank()) {
            return Database.external(env, poolSize);
        }
        return Database.embedded(Path.of("data"), poolSize);
    }

    /** The embedded database's directory, or empty when the database is external. */
    public java.util.Optional<Path> embeddedDirectory() {
        if (choice != null && choice.databaseUrl != null) {
            return java.util.Optional.empty();
        }
        if (choice != null && choice.dataDir != null) {
            return java.util.Optional.of(choice.dataDir);
        }
        String env = System.getenv("COMMONGROUND_DATABASE_URL");
        return env != null && !env.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of("data"));
    }
}
