package org.commonground.db;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A database that is down must cost a request about a second, not the pool's default 30 s (a pool
 * that is only busy still queues, {@link BusyOrDownPool}): the
 * server then answers 503 (web/Problems) and keeps trying, so it recovers by itself when the
 * database is back. The same settings hold for the embedded and an external server.
 */
public final class Outages {
    /** How long a request waits for a connection before it is told the database is unavailable. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(1);

    private Outages() {}

    /** Pool and driver settings; values in the URL of an external database take precedence over the driver's. */
    static void failFast(HikariConfig config) {
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        // Below the connection wait, so a dead pooled connection is found and replaced within it.
        config.setValidationTimeout(500);
        config.addDataSourceProperty("connectTimeout", "1"); // s, TCP connect
        config.addDataSourceProperty("loginTimeout", "2"); // s, connect + authentication
        // s, one read from the server: only a server that stopped answering (a host that vanished
        // without closing the connection) waits this long; a stopped PostgreSQL closes at once.
        // Generous, since a big sort (live analysis of 100 M votes, an import) sends nothing for long.
        config.addDataSourceProperty("socketTimeout", "600");
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }

    /**
     * Whether the database answers a trivial round trip within {@code within}, even when it hangs:
     * the probe runs on its own virtual thread and is abandoned when late (the driver's timeouts end it).
     */
    public static boolean answers(DataSource db, Duration within) {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread.ofVirtual().name("db-probe").start(() -> {
            try (Connection c = db.getConnection()) {
                probe.complete(c.isValid((int) Math.max(1, within.toSeconds())));
            } catch (SQLException | RuntimeException e) {
                probe.complete(false);
            }
        });
        try {
            return probe.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
