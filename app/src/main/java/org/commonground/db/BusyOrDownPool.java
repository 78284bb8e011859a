package org.commonground.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The connection pool, telling a busy pool from a database that is down. Both make the pool's
 * short wait ({@link Outages#CONNECTION_WAIT}) run out; when the database is down the pool's last
 * attempt to open a connection failed and is the timeout's cause, so the caller hears at once
 * (503). When the pool is only busy (every connection in use, the database fine) the wait is
 * renewed up to {@link #BUSY_WAIT}, so a burst queues as it did before instead of failing.
 */
final class BusyOrDownPool extends HikariDataSource {
    static final Duration BUSY_WAIT = Duration.ofSeconds(30);

    BusyOrDownPool(HikariConfig config) {
        super(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long end = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            try {
                return super.getConnection();
            } catch (SQLTransientConnectionException timedOut) {
                if (timedOut.getCause() != null || System.nanoTime() > end || isClosed()) {
                    throw timedOut;
                }
            }
        }
    }
}
