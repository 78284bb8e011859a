package org.commonground.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The pages that belong to no feature: the front page. */
final class WebRoutes {
    private final Pages pages;

    WebRoutes(Pages pages) {
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> pages.render(ctx, "web/home.jte", Map.of()));
    }
}
