package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonground.problem.Forbidden;

/**
 * Cross-site request forgery protection for the browser pages, by double submission: a random
 * token lives in an HttpOnly, SameSite=Strict cookie and is repeated in every state-changing
 * request, as the {@code _csrf} form field or (htmx, via app.js reading the page's meta tag) the
 * {@code X-CSRF-Token} header. Another site can make the browser send the cookie but cannot read
 * it, so it cannot repeat it. Once signed in, the token is the session's own (made at sign-in,
 * kept server-side with the session), so a token planted in the cookie before sign-in (through a
 * sibling subdomain, say) is worth nothing afterwards; the cookie is also renewed at sign-in.
 *
 * <p>The JSON API under {@code /api/} is left to its own authentication (bearer tokens are not
 * sent by browsers on their own).
 */
public final class Csrf {
    public static final String COOKIE = "cg_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "csrf";
    private static final Set<HandlerType> UNSAFE =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final boolean secureCookies;
    private volatile Function<Context, Optional<String>> sessionToken = ctx -> Optional.empty();

    public Csrf(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** How the token of a signed-in request's session is found (the account feature provides it). */
    public void bindToSessionsWith(Function<Context, Optional<String>> tokenOfSession) {
        this.sessionToken = tokenOfSession;
    }

    /** A fresh cookie token for this browser (at sign-in and sign-out), replacing whatever it had. */
    public void renew(Context ctx) {
        String t = Secrets.token();
        ctx.cookie(new Cookie(COOKIE, t, "/", -1, secureCookies, true, null, SameSite.STRICT));
        ctx.attribute(ATTRIBUTE, t);
    }

    public void addTo(RoutesConfig routes) {
        routes.before(this::check);
    }

    private final java.util.Set<String> withoutToken = new java.util.concurrent.CopyOnWriteArraySet<>();

    /**
     * Lets form posts under {@code pathPrefix} through without the token: for a URL that is its own
     * capability and is posted by a third party by design (RFC 8058 one-click unsubscribe, posted
     * by the recipient's mail provider). Called while wiring.
     */
    public void allowWithoutToken(String pathPrefix) {
        withoutToken.add(pathPrefix);
    }

    /** The token of this request: its session's when signed in, else the browser's cookie, created on first need. */
    public String token(Context ctx) {
        String t = ctx.attribute(ATTRIBUTE);
        if (t != null) {
            return t;
        }
        Optional<String> ofSession = sessionToken.apply(ctx);
        if (ofSession.isPresent()) {
            ctx.attribute(ATTRIBUTE, ofSession.get());
            return ofSession.get();
        }
        t = ctx.cookie(COOKIE);
        if (t == null || t.length() < 32) {
            t = Secrets.token();
            ctx.cookie(new Cookie(COOKIE, t, "/", -1, secureCookies, true, null, SameSite.STRICT));
        }
        ctx.attribute(ATTRIBUTE, t);
        return t;
    }

    private void check(Context ctx) {
        if (!UNSAFE.contains(ctx.method()) || ctx.path().startsWith("/api/")) {
            return;
        }
        for (String prefix : withoutToken) {
            if (ctx.path().startsWith(prefix)) {
                return;
            }
        }
        String expected = sessionToken.apply(ctx).orElse(ctx.cookie(COOKIE));
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (expected == null
                || sent == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("csrf-failed", "problem.csrf-failed");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
