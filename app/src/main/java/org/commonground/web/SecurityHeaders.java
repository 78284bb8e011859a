package org.commonground.web;

import io.javalin.config.RoutesConfig;

/**
 * Headers every answer carries. The policy allows scripts, styles, images and connections from
 * our own origin only: no inline script or style, no framing, no third party.
 */
public final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    /**
     * Lets the page answering {@code ctx} be framed by exactly these origins (CSP
     * {@code frame-ancestors}; X-Frame-Options dropped, as it cannot name origins): for the embed
     * pages only. No origins keeps {@code 'none'}. The origins must be validated
     * {@code scheme://host[:port]} strings.
     */
    public static void frameableBy(io.javalin.http.Context ctx, java.util.List<String> origins) {
        String ancestors = origins.isEmpty() ? "'none'" : String.join(" ", origins);
        ctx.header(
                "Content-Security-Policy",
                CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors " + ancestors));
        if (!origins.isEmpty()) {
            ctx.res().setHeader("X-Frame-Options", null);
        }
    }

    public static void addTo(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        });
    }
}
