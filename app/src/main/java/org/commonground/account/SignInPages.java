package org.commonground.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import org.commonground.problem.TooManyRequests;
import org.commonground.web.Pages;

/** Signing in and out in the browser, for organizers, moderators, translators and admins. */
final class SignInPages {
    private final Pages pages;
    private final SignInAttempts attempts;
    private final SessionStore sessions;
    private final boolean secureCookies;

    SignInPages(Pages pages, SignInAttempts attempts, SessionStore sessions, boolean secureCookies) {
        this.pages = pages;
        this.attempts = attempts;
        this.sessions = sessions;
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
            account = attempts.signIn(email, ctx.formParam("password"), ctx.ip());
        } catch (TooManyRequests e) {
            ctx.status(e.status()).header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            form(ctx, email, pages.page(ctx).t(e.messageKey(), e.args()));
            return;
        }
        if (account.isEmpty()) {
            ctx.status(401);
            form(ctx, email, pages.page(ctx).t("sign-in.failed"));
            return;
        }
        SessionStore.NewSession session = sessions.start(account.get().id());
        ctx.cookie(new Cookie(Authentication.SESSION_COOKIE, session.secret(), "/",
                (int) SessionStore.LIFETIME.toSeconds(), secureCookies, true, null, SameSite.LAX));
        ctx.redirect(next(ctx));
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        ctx.cookie(new Cookie(Authentication.SESSION_COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
        ctx.redirect("/");
    }

    /** Where to go after signing in: a local path only, never another site. */
    private static String next(Context ctx) {
        String next = Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"));
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/organize";
    }
}
