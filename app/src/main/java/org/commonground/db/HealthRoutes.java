package org.commonground.db;

import java.time.Duration;
import javax.sql.DataSource;
import org.commonground.problem.Unavailable;
import org.commonground.web.Api;
import org.commonground.web.Caller;

/** The health check load balancers ask: the server answers and its database does. */
public final class HealthRoutes {
    private HealthRoutes() {}

    /** Answer of the health check. */
    public record Health(String status) {}

    public static void addTo(Api api, DataSource db) {
        api.get("/api/v1/health")
                .id("getHealth")
                .caller(Caller.ANYONE)
                .tag("operations")
                .summary("Liveness and database check for load balancers")
                .returns(Health.class)
                .handle(ctx -> {
                    // Bounded even when the database hangs: load balancers must hear "down" quickly.
                    if (!Outages.answers(db, Duration.ofMillis(1500))) {
                        throw new Unavailable("database-unavailable", "problem.database-unavailable");
                    }
                    ctx.json(new Health("ok"));
                });
    }
}
