package org.commonground.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * Prometheus metrics at {@code /metrics}: request counts and latency by method, route template
 * and status (templates, not raw paths, so ids do not explode the series), the JVM, and the
 * database connection pool.
 */
public final class Metrics {
    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics(DataSource db) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        if (db instanceof HikariDataSource hikari) {
            pool("active", hikari, HikariPoolMXBean::getActiveConnections);
            pool("idle", hikari, HikariPoolMXBean::getIdleConnections);
            pool("total", hikari, HikariPoolMXBean::getTotalConnections);
            pool("pending", hikari, HikariPoolMXBean::getThreadsAwaitingConnection);
        }
    }

    private void pool(String state, HikariDataSource hikari, ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder(
                        "db.pool.connections",
                        hikari,
                        h -> h.getHikariPoolMXBean() == null ? 0 : value.applyAsDouble(h.getHikariPoolMXBean()))
                .tag("state", state)
                .description("Database connections of the pool by state")
                .register(registry);
    }

    public void addTo(JavalinConfig cfg) {
        cfg.requestLogger.http((ctx, ms) -> record(ctx, ms));
        cfg.routes.get(
                PATH,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(registry.scrape()));
        cfg.events.serverStopped(gc::close);
    }

    private void record(Context ctx, Float ms) {
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos((long) (ms * 1_000_000)));
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException noEndpointMatched) {
            return "unmatched";
        }
    }
}
