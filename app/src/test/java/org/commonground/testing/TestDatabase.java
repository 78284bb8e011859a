package org.commonground.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.commonground.db.Database;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, migrated database for one test class, on one of the two PostgreSQL servers the product
 * supports: the embedded one (one server per test JVM, started on first use) or the external one at
 * 127.0.0.1:5432. The test class owns the instance and closes it, which drops the database.
 *
 * <p>When the external server is unreachable the test is skipped with a printed message, except
 * under CI ({@code CI=true}), where it fails: CI must prove both halves.
 */
public final class TestDatabase implements AutoCloseable {

    /** The two servers every database contract test runs against. */
    public enum Kind {
        EMBEDDED,
        EXTERNAL
    }

    private static final String EXTERNAL_ADMIN_URL = System.getProperty(
            "commonground.test.externalUrl", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private static EmbeddedPostgres embedded;

    private final Kind kind;
    private final String adminUrl;
    private final String name;
    private final HikariDataSource pool;

    private TestDatabase(Kind kind, String adminUrl, String name, HikariDataSource pool) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.name = name;
        this.pool = pool;
    }

    public static TestDatabase fresh(Kind kind) {
        String adminUrl = kind == Kind.EMBEDDED ? embeddedAdminUrl() : externalAdminUrl();
        String name = "cg_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(adminUrl, "CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(adminUrl.replace("/postgres?", "/" + name + "?"));
        config.setMaximumPoolSize(16);
        HikariDataSource pool = new HikariDataSource(config);
        Database.migrate(pool);
        return new TestDatabase(kind, adminUrl, name, pool);
    }

    public static TestDatabase embedded() {
        return fresh(Kind.EMBEDDED);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Kind kind() {
        return kind;
    }

    /** A JDBC URL of this database, for code under test that opens its own connections. */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    @Override
    public void close() {
        pool.close();
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized String embeddedAdminUrl() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with it
                }
            }));
        }
        return "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres?user=postgres";
    }

    private static String externalAdminUrl() {
        try (Connection ignored = DriverManager.getConnection(EXTERNAL_ADMIN_URL)) {
            return EXTERNAL_ADMIN_URL;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires the PostgreSQL server at " + EXTERNAL_ADMIN_URL, e);
            }
            System.out.println("SKIPPED external-database half: no PostgreSQL at " + EXTERNAL_ADMIN_URL + " ("
                    + e.getMessage() + ")");
            Assumptions.abort("no external PostgreSQL at " + EXTERNAL_ADMIN_URL);
            throw new AssertionError("unreachable");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }
}
