package org.commonground.account;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.commonground.web.Api;
import org.commonground.web.Pages;
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
    private final boolean secureCookies;

    private final Clock clock;

    private AccountFeature(Jdbi jdbi, Clock clock, boolean secureCookies) {
        this.clock = clock;
        this.accounts = new AccountStore(jdbi);
        this.signInAttempts = new SignInAttempts(accounts, clock);
        this.sessions = new SessionStore(jdbi);
        this.tokens = new ApiTokenStore(jdbi);
        this.authentication = new Authentication(accounts, sessions, tokens);
        this.secureCookies = secureCookies;
    }

    /** The clock the app was wired with: every feature above takes its time from it. */
    public Clock clock() {
        return clock;
    }

    public static AccountFeature wire(Jdbi jdbi, Clock clock, boolean secureCookies) {
        return new AccountFeature(jdbi, clock, secureCookies);
    }

    public Authentication authentication() {
        return authentication;
    }

    public AccountStore accounts() {
        return accounts;
    }

    /**
     * Refuses cross-site writes by signed-in browsers and names the signed-in account on pages.
     * Registered before every route, with the other request filters.
     */
    public void guard(RoutesConfig routes, Pages pages) {
        new CsrfGuard(authentication).addTo(routes);
        pages.identifySignedInWith(ctx -> authentication.account(ctx).map(Account::email).orElse(null));
    }

    public void addTo(Api api, Pages pages) {
        new SignInPages(pages, signInAttempts, sessions, secureCookies).addTo(api.routes());
        new AccountRoutes(accounts, signInAttempts, sessions, tokens, authentication, secureCookies).addTo(api);
    }
}
