package org.commonground.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import org.commonground.problem.TooManyRequests;
import org.commonground.problem.Unavailable;
import org.commonground.web.Csrf;
import org.commonground.web.Pages;
import org.commonground.web.Throttles;

/** Signing in and out in the browser, for organizers, moderators, translators and admins. */
final class SignInPages {
    private final Pages pages;
    private final SignInAttempts attempts;
    private final SessionStore sessions;
    private final Throttles throttles;
    private final Csrf csrf;
    private final boolean secureCookies;

    SignInPages(
            Pages pages,
            SignInAttempts attempts,
            SessionStore sessions,
            Throttles throttles,
            Csrf csrf,
            boolean secureCookies) {
        this.pages = pages;
        this.attempts = attempts;
        this.sessions = sessions;
        this.throttles = throttles;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/sign-in", ctx -> form(ctx, "", ""));
        routes.post("/sign-in", this::signIn);
        routes.post("/sign-out", this::signOut);
    }

    /** @param error the message shown above the form, or empty */
    private void form(Context ctx, String email, String error) {
        pages.render(ctx, "account/sign-in.jte", Map.of("email", email, "error", error, "next", next(ctx)));
    }

    private void signIn(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        Optional<Account> account;
        try {
            throttles.signIn(ctx);
            account = attempts.signIn(email, ctx.formParam("password"), Throttles.clientAddress(ctx));
        } catch (TooManyRequests e) {
            Throttles.refused(ctx, e);
            form(ctx, email, pages.page(ctx).t(e.messageKey(), e.args()));
            return;
        } catch (Unavailable e) {
            ctx.status(e.status());
            form(ctx, email, pages.page(ctx).t(e.messageKey(), e.args()));
            return;
        }
        if (account.isEmpty()) {
            ctx.status(401);
            form(ctx, email, pages.page(ctx).t("sign-in.failed"));
            return;
        }
        SessionStore.NewSession session = sessions.start(account.get().id());
        ctx.cookie(new Cookie(
                Authentication.SESSION_COOKIE,
                session.secret(),
                "/",
                (int) SessionStore.LIFETIME.toSeconds(),
                secureCookies,
                true,
                null,
                SameSite.LAX));
        csrf.renew(ctx);
        ctx.redirect(next(ctx));
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        ctx.cookie(new Cookie(Authentication.SESSION_COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
        csrf.renew(ctx);
        ctx.redirect("/");
    }

    /** Where to go after signing in: a path of this site only. */
    private static String next(Context ctx) {
        return localPath(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next")))
                .orElse("/organize");
    }

    /**
     * {@code next} (already decoded from the form or query) if it is a path on this site. Browsers
     * drop tabs and line breaks from a URL and read a backslash as a slash, so {@code /\t/host}
     * would leave the site as {@code //host}: any control character, space or backslash is refused,
     * as is anything with a scheme or host after parsing.
     */
    static Optional<String> localPath(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.codePoints()
                        .anyMatch(c -> Character.isISOControl(c)
                                || Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || c == '\\')) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(next);
            if (uri.getScheme() != null
                    || uri.getRawAuthority() != null
                    || uri.getPath() == null
                    || !uri.getPath().startsWith("/")) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException notAPath) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
