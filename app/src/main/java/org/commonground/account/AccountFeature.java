package org.commonground.account;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.commonground.web.Api;
import org.commonground.web.Csrf;
import org.commonground.web.Pages;
import org.commonground.web.Throttles;
import org.jdbi.v3.core.Jdbi;

/**
 * The account feature's one public entry: accounts, browser sessions, API tokens and sign-in.
 * Other features ask it who is calling ({@link #authentication()}) and look accounts up by e-mail
 * ({@link #accounts()}); its routes and pages stay inside.
 */
public final class AccountFeature {
    private final AccountStore accounts;
    private final SignInAttempts signInAttempts;
    private final SessionStore sessions;
    private final ApiTokenStore tokens;
    private final Authentication authentication;
    private final Throttles throttles;
    private final Csrf csrf;
    private final boolean secureCookies;

    private final Clock clock;

    private AccountFeature(
            Jdbi jdbi, Clock clock, PasswordHashing hashing, Throttles throttles, Csrf csrf, boolean secureCookies) {
        this.clock = clock;
        this.accounts = new AccountStore(jdbi, hashing);
        this.signInAttempts = new SignInAttempts(accounts, clock);
        this.sessions = new SessionStore(jdbi);
        this.tokens = new ApiTokenStore(jdbi);
        this.authentication = new Authentication(accounts, sessions, tokens);
        this.throttles = throttles;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
    }

    /** The clock the app was wired with: every feature above takes its time from it. */
    public Clock clock() {
        return clock;
    }

    /**
     * @param clock     the time of the per-e-mail sign-in throttle
     * @param hashing   where passwords are hashed and checked (the server's bounded pool; the caller closes it)
     * @param throttles the quotas of sign-ins and account creation per address
     * @param csrf      the pages' CSRF token, bound to the session once signed in and renewed at sign-in
     */
    public static AccountFeature wire(
            Jdbi jdbi, Clock clock, PasswordHashing hashing, Throttles throttles, Csrf csrf, boolean secureCookies) {
        return new AccountFeature(jdbi, clock, hashing, throttles, csrf, secureCookies);
    }

    public Authentication authentication() {
        return authentication;
    }

    public Accounts accounts() {
        return accounts;
    }

    /**
     * Refuses cross-site writes by signed-in browsers, binds the pages' CSRF token to the session
     * and names the signed-in account on pages. Registered before every route, with the other
     * request filters.
     *
     * @param participantTokens which bearer tokens are participants' (the participation feature's)
     */
    public void guard(RoutesConfig routes, Pages pages, ParticipantTokens participantTokens) {
        new CsrfGuard(authentication, participantTokens).addTo(routes);
        csrf.bindToSessionsWith(ctx -> authentication.session(ctx).map(SessionStore.Session::csrfToken));
        pages.identifySignedInWith(
                ctx -> authentication.account(ctx).map(Account::email).orElse(null));
    }

    public void addTo(Api api, Pages pages) {
        new SignInPages(pages, signInAttempts, sessions, throttles, csrf, secureCookies).addTo(api.routes());
        new AccountRoutes(accounts, signInAttempts, sessions, tokens, authentication, secureCookies, throttles)
                .addTo(api);
    }
}
