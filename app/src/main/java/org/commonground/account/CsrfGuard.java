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
 * The one CSRF check of the JSON API. A browser attaches cookies to requests another site makes
 * it send, so a state-changing {@code /api/} request that carries cookies is checked twice, unless
 * it is authenticated by a valid API or participant token in its {@code Authorization} header
 * (which a browser never adds by itself; a junk header proves nothing and changes nothing):
 * <ul>
 * <li>a browser that says the request comes from another site ({@code Sec-Fetch-Site} other than
 *     same-origin or none, or an {@code Origin} whose host is not this one) is refused whatever
 *     cookie it carries: this covers the participant cookie, which has no token to repeat, also
 *     against a sibling subdomain that SameSite=Lax counts as the same site;</li>
 * <li>a request authenticated by the staff session cookie must repeat the session's CSRF token in
 *     {@value #HEADER}; another site cannot read it.</li>
 * </ul>
 * Clients other than browsers send neither header and are not in danger: nobody can make them send
 * a request with the user's cookies.
 */
public final class CsrfGuard {
    public static final String HEADER = "X-CSRF-Token";
    static final String SIGN_IN_PATH = "/api/v1/session";
    private static final Set<HandlerType> UNSAFE =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Authentication authentication;
    private final ParticipantTokens participantTokens;

    /** @param participantTokens whether a bearer token is a participant's (the participation feature knows) */
    CsrfGuard(Authentication authentication, ParticipantTokens participantTokens) {
        this.authentication = authentication;
        this.participantTokens = participantTokens;
    }

    public void addTo(RoutesConfig routes) {
        routes.before("/api/*", this::check);
    }

    void check(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || authenticatedByHeader(ctx)) {
            return;
        }
        if (fromAnotherSite(ctx)) {
            throw new Forbidden("csrf-failed", "account.csrf.cross-site");
        }
        // Signing in is authenticated by the password in the body, not by a cookie it may carry.
        if (ctx.method() == HandlerType.POST && SIGN_IN_PATH.equals(ctx.path())) {
            return;
        }
        Optional<SessionStore.Session> session = authentication.session(ctx);
        if (session.isEmpty()) {
            return; // not authenticated by a cookie: the endpoint itself answers 401 if it needs an account
        }
        String sent = ctx.header(HEADER);
        if (sent == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("csrf-failed", "account.csrf.failed");
        }
    }

    /**
     * The request is authenticated by its Authorization header alone: it carries no cookie a forger
     * could ride on (API clients; checked first, so votes by token cost no lookup), or its bearer
     * token is a live API token or a participant's.
     */
    private boolean authenticatedByHeader(Context ctx) {
        Optional<String> bearer = Authentication.bearer(ctx);
        if (bearer.isEmpty()) {
            return false;
        }
        if (ctx.header("Cookie") == null) {
            return true;
        }
        return authentication.hasValidApiToken(ctx) || participantTokens.known(bearer.get());
    }

    /** What the browser says of the request's origin; behind a proxy the Host header must be kept. */
    static boolean fromAnotherSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        String host = ctx.header("Host");
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost == null || host == null || !originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return true; // "null" (a sandboxed frame or a file) or garbage: not this site
        }
    }
}
