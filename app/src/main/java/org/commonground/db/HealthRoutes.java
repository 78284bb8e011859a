package org.commonground.db;

import org.commonground.web.Api;
import org.jdbi.v3.core.Jdbi;

/** The health check load balancers ask: the server answers and its database does. */
public final class HealthRoutes {
    private HealthRoutes() {}

    /** Answer of the health check. */
    public record Health(String status) {}

    public static void addTo(Api api, Jdbi jdbi) {
        api.get("/api/v1/health").tag("operations").summary("Liveness and database check for load balancers")
                .returns(Health.class).handle(ctx -> {
                    jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
                    ctx.json(new Health("ok"));
                });
    }
}
