package org.commonground.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.commonground.problem.Forbidden;

/**
 * The one CSRF check of the JSON API. A browser attaches the session cookie to any request,
 * including one forged by another site, so a state-changing {@code /api/} request that is
 * authenticated by the cookie must repeat the session's CSRF token in {@value #HEADER}; another
 * site cannot read it. Requests with an {@code Authorization} header (API or participant tokens)
 * need none: a browser never adds that header by itself.
 */
public final class CsrfGuard {
    public static final String HEADER = "X-CSRF-Token";
    static final String SIGN_IN_PATH = "/api/v1/session";
    private static final Set<HandlerType> UNSAFE =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Authentication authentication;

    public CsrfGuard(Authentication authentication) {
        this.authentication = authentication;
    }

    public void addTo(RoutesConfig routes) {
        routes.before("/api/*", this::check);
    }

    void check(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || ctx.header("Authorization") != null) {
            return;
        }
        // Signing in is authenticated by the password in the body, not by a cookie it may carry.
        if (ctx.method() == HandlerType.POST && SIGN_IN_PATH.equals(ctx.path())) {
            return;
        }
        Optional<SessionStore.Session> session = authentication.session(ctx);
        if (session.isEmpty()) {
            return;  // not authenticated by a cookie: the endpoint itself answers 401 if it needs an account
        }
        String sent = ctx.header(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("csrf-failed", "account.csrf.failed");
        }
    }
}
