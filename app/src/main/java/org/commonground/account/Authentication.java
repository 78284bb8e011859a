package org.commonground.account;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Unauthorized;

/**
 * Who is calling, from a request: an API token in {@code Authorization: Bearer cga_…}, or a
 * session cookie set at sign-in. Participants are not accounts; their tokens are resolved by the
 * participation feature.
 */
public final class Authentication {
    public static final String SESSION_COOKIE = "cg_session";
    private static final String SESSION_ATTRIBUTE = "commonground.session";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final ApiTokenStore tokens;

    public Authentication(AccountStore accounts, SessionStore sessions, ApiTokenStore tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** The signed-in account, if any; resolved once per request and cached on the context. */
    public Optional<Account> account(Context ctx) {
        Optional<Account> cached = ctx.attribute("commonground.account");
        if (cached != null) {
            return cached;
        }
        Optional<Account> account = bearer(ctx)
                .flatMap(tokens::accountOf)
                .or(() -> session(ctx).map(SessionStore.Session::accountId))
                .flatMap(accounts::find)
                .filter(a -> !a.disabled());
        ctx.attribute("commonground.account", account);
        return account;
    }

    /** The signed-in account, or 401. */
    public Account requireAccount(Context ctx) {
        return account(ctx).orElseThrow(Unauthorized::signInRequired);
    }

    /** The signed-in account if it has one of the account roles, else 401/403. */
    public Account requireRole(Context ctx, Role... roles) {
        Account account = requireAccount(ctx);
        if (account.isAdmin() || Set.of(roles).contains(account.role())) {
            return account;
        }
        throw Forbidden.role();
    }

    /** The browser session behind the request's cookie, if any (for its CSRF token). */
    public Optional<SessionStore.Session> session(Context ctx) {
        Optional<SessionStore.Session> cached = ctx.attribute(SESSION_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Optional<SessionStore.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        ctx.attribute(SESSION_ATTRIBUTE, session);
        return session;
    }

    /** Whether the request carries a live API token of an enabled account (not just any Authorization header). */
    public boolean hasValidApiToken(Context ctx) {
        return bearer(ctx)
                .flatMap(tokens::accountOf)
                .flatMap(accounts::find)
                .filter(a -> !a.disabled())
                .isPresent();
    }

    /** The bearer token of the request, if it carries one. */
    public static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip()).filter(s -> !s.isEmpty());
    }
}
