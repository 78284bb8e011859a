package org.commonground.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The plumbing every feature shares, wired once: messages, assets, CSRF cookie, pages, problem
 * mapping, request filters, metrics, and the API registry with its OpenAPI document.
 */
public final class Web {
    private final Messages messages;
    private final Csrf csrf;
    private final Assets assets;
    private final Pages pages;
    private final Problems problems;
    private final long maxBodyBytes;

    private Web(boolean secureCookies, long maxBodyBytes) {
        this.messages = new Messages();
        this.assets = new Assets();
        this.csrf = new Csrf(secureCookies);
        this.pages = new Pages(messages, assets, csrf, secureCookies);
        this.problems = new Problems(messages, maxBodyBytes, pages);
        this.maxBodyBytes = maxBodyBytes;
    }

    public static Web wire(boolean secureCookies, long maxBodyBytes) {
        return new Web(secureCookies, maxBodyBytes);
    }

    public Pages pages() {
        return pages;
    }

    public Messages messages() {
        return messages;
    }

    /** The pages' CSRF token, which the account feature binds to the session and renews at sign-in. */
    public Csrf csrf() {
        return csrf;
    }

    /**
     * Configures the server (virtual threads, body limit, port, JSON) and registers the filters in
     * their order; {@code guard} (the account feature's cross-site write check) runs after the body
     * is decoded and before the security headers.
     *
     * @param network bind address and metrics access
     * @param proxies  the reverse proxies whose forwarding headers name the client (see {@code AppConfig})
     * @return the API registry every feature adds its endpoints to
     */
    public Api addTo(
            JavalinConfig cfg,
            int port,
            NetworkSettings network,
            TrustedProxies proxies,
            DataSource db,
            Consumer<RoutesConfig> guard) {
        cfg.concurrency.useVirtualThreads = true;
        cfg.http.maxRequestSize = maxBodyBytes;
        cfg.jetty.port = port;
        if (network.host() != null) {
            cfg.jetty.host = network.host();
        }
        if (!(proxies instanceof TrustedProxies.None)) {
            cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedClient(proxies)));
        }
        JettyProblems early = new JettyProblems(messages);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(early));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(early));
        cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
        cfg.startup.showJavalinBanner = false;
        problems.addTo(cfg.routes);
        new Metrics(db).addTo(cfg);
        cfg.routes.before(Metrics.PATH, new MetricsGate(network.metricsToken())::check);
        BodyEncoding.addTo(cfg.routes);
        guard.accept(cfg.routes);
        SecurityHeaders.addTo(cfg.routes);
        csrf.addTo(cfg.routes);
        pages.addTo(cfg.routes);
        assets.addTo(cfg.routes);
        return new Api(cfg.routes);
    }

    /** The OpenAPI document; added last, it describes every endpoint registered before it. */
    public static void document(Api api) {
        api.tag("operations", "Running the server: health for load balancers and this document");
        api.get("/api/v1/openapi.json")
                .id("getOpenApiDocument")
                .caller(Caller.ANYONE)
                .tag("operations")
                .summary("This OpenAPI 3.1 document")
                .returns(Map.class)
                .handle(ctx -> ctx.json(OpenApiDocument.of(api.operations(), api.tags())));
    }
}
