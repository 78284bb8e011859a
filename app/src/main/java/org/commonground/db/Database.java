package org.commonground.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database the product runs on: either an embedded server started from the jar
 * with a persistent data directory, or an external server. Either way the schema is migrated by
 * Flyway on open. The caller owns the returned instance and must {@link #close()} it, which closes
 * the connection pool and stops the embedded server if there is one.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final EmbeddedServer embedded;

    private Database(HikariDataSource pool, EmbeddedServer embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * Starts (or restarts on existing data, also after a crash) the embedded PostgreSQL under
     * {@code dataDir}, reachable from this machine with the password kept there only
     * ({@link EmbeddedServer}).
     */
    public static Database embedded(Path dataDir) {
        return embedded(dataDir, defaultPoolSize());
    }

    /** As {@link #embedded(Path)}, with {@code poolSize} connections (≥ 1). */
    public static Database embedded(Path dataDir, int poolSize) {
        try {
            EmbeddedServer pg = EmbeddedServer.start(dataDir);
            log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", pg.port(), dataDir.toAbsolutePath());
            return open(pg.jdbcUrl(), pg.password(), pg, poolSize);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Connects to an external PostgreSQL. Accepts {@code jdbc:postgresql://…} and
     * {@code postgresql://user:password@host:port/db} URLs.
     */
    public static Database external(String url) {
        return external(url, defaultPoolSize());
    }

    /** As {@link #external(String)}, with {@code poolSize} connections (≥ 1). */
    public static Database external(String url, int poolSize) {
        return open(toJdbcUrl(url), null, null, poolSize);
    }

    static String toJdbcUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                jdbc.append(':').append(uri.getPort());
            }
            jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            if (uri.getRawUserInfo() != null) {
                String[] userPass = uri.getRawUserInfo().split(":", 2);
                query = (query.isEmpty() ? "" : query + "&") + "user=" + userPass[0]
                        + (userPass.length > 1 ? "&password=" + userPass[1] : "");
            }
            return query.isEmpty() ? jdbc.toString() : jdbc + "?" + query;
        }
        throw new IllegalArgumentException("Not a PostgreSQL URL: " + url);
    }

    private static Database open(String jdbcUrl, String password, EmbeddedServer embedded, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (password != null) {
            config.setPassword(password);
        }
        Outages.failFast(config);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("commonground");
        HikariDataSource pool = new BusyOrDownPool(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(embedded);
            throw e;
        }
        return new Database(pool, embedded);
    }

    /**
     * A few connections per core: PostgreSQL does the work of a vote on the same cores as the
     * server, and more backends than that only queue inside the kernel instead of in the pool.
     * Measured on 2 cores (docs/benchmarks.md): 8 connections carried many times the votes of 32.
     */
    public static int defaultPoolSize() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Brings the schema up to date; safe to run from several servers at once (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Feature teams own separate version ranges, so a database that already ran a later
                // range must still accept an earlier-numbered migration added afterwards.
                .outOfOrder(true)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The one Jdbi configuration of the product (SQL objects, PostgreSQL types) over a data source. */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** Whether this database is the embedded server started by this process. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedServer pg) {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
