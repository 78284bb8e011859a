package org.commonground.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.commonground.testing.Eventually;
import org.commonground.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request waiting for a busy pool keeps waiting past the short outage wait; it is not told the database is down. */
class BusyOrDownPoolTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Test
    void aWaiterForABusyPoolGetsTheConnectionOnceItIsFreeEvenAfterTheOutageWait() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.get().jdbcUrl());
        config.setMaximumPoolSize(1);
        Outages.failFast(config);
        try (BusyOrDownPool pool = new BusyOrDownPool(config)) {
            Connection held = pool.getConnection();
            long start = System.nanoTime();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try (Connection c = pool.getConnection()) {
                    return c.isValid(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            long outageWaitNanos = Outages.CONNECTION_WAIT.toNanos();
            // Until the waiter has outlived two of the pool's short waits (or failed early).
            Eventually.eventually(
                    java.time.Duration.ofNanos(4 * outageWaitNanos),
                    () -> waiter.isDone() || System.nanoTime() - start >= 2 * outageWaitNanos,
                    done -> done);
            assertThat(waiter).as("still waiting, not failed").isNotDone();
            held.close();

            assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
