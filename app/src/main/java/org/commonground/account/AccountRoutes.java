package org.commonground.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.problem.Unauthorized;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.InputText;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;
import org.commonground.web.Throttles;

/** Signing in and out, the caller's own account and API tokens, and account creation by admins. */
final class AccountRoutes {
    private final AccountStore accounts;
    private final SignInAttempts attempts;
    private final SessionStore sessions;
    private final ApiTokenStore tokens;
    private final Authentication authentication;
    private final boolean secureCookies;
    private final Throttles throttles;

    AccountRoutes(
            AccountStore accounts,
            SignInAttempts attempts,
            SessionStore sessions,
            ApiTokenStore tokens,
            Authentication authentication,
            boolean secureCookies,
            Throttles throttles) {
        this.throttles = throttles;
        this.accounts = accounts;
        this.attempts = attempts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.authentication = authentication;
        this.secureCookies = secureCookies;
    }

    public record SignIn(String email, String password) {}

    public record AccountView(long id, String email, Role role, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.email(), a.role(), a.createdAt());
        }
    }

    /** The signed-in account; {@code csrfToken} is set for cookie sessions and must accompany their writes. */
    public record SignedIn(AccountView account, String csrfToken) {}

    public record NewToken(String name) {}

    public record TokenView(long id, String name, Instant createdAt, Instant revokedAt) {
        static TokenView of(ApiTokenStore.ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.revokedAt());
        }
    }

    /** A new API token; {@code secret} is shown this once and never again. */
    public record CreatedToken(long id, String name, Instant createdAt, String secret) {}

    /** An account to create; without a password one is generated and returned once. */
    public record NewAccount(String email, Role role, String password) {}

    public record CreatedAccount(AccountView account, String generatedPassword) {}

    public void addTo(Api api) {
        api.tag(
                "accounts",
                "Staff accounts: signing in and out, the signed-in account, API tokens, and (admins) creating accounts");
        api.post(CsrfGuard.SIGN_IN_PATH)
                .id("signIn")
                .caller(Caller.ANYONE)
                .problems(401, 429)
                .tag("accounts")
                .summary(
                        "Sign in with e-mail and password; sets the session cookie. 429 with Retry-After after 5 failures for one e-mail from one address within 15 minutes, or too many attempts from one address (20 per 10 minutes by default); 503 when password checking is saturated")
                .body(SignIn.class)
                .returns(SignedIn.class)
                .handle(this::signIn);
        api.delete("/api/v1/session")
                .id("signOut")
                .caller(Caller.ANYONE)
                .tag("accounts")
                .summary(
                        "Sign out: end the session and clear its cookie (with the cookie, send its X-CSRF-Token); 204 also without one")
                .noContent()
                .handle(this::signOut);
        api.get("/api/v1/me")
                .id("getMe")
                .caller(Caller.ACCOUNT)
                .tag("accounts")
                .summary("The signed-in account (and the session's CSRF token)")
                .returns(SignedIn.class)
                .handle(this::me);
        api.post("/api/v1/me/tokens")
                .id("createApiToken")
                .caller(Caller.ACCOUNT)
                .tag("accounts")
                .summary("Create an API token; its secret is shown once")
                .body(NewToken.class)
                .returns(CreatedToken.class, 201)
                .handle(this::issueToken);
        api.get("/api/v1/me/tokens")
                .id("listApiTokens")
                .caller(Caller.ACCOUNT)
                .tag("accounts")
                .summary("List the caller's API tokens (without secrets)")
                .returns(Api.listOf(TokenView.class))
                .handle(ctx ->
                        ctx.json(tokens.of(authentication.requireAccount(ctx).id()).stream()
                                .map(TokenView::of)
                                .toList()));
        api.delete("/api/v1/me/tokens/{tokenId}")
                .id("revokeApiToken")
                .caller(Caller.ACCOUNT)
                .tag("accounts")
                .summary("Revoke one of the caller's API tokens")
                .noContent()
                .handle(this::revokeToken);
        api.post("/api/v1/accounts")
                .id("createAccount")
                .caller(Caller.ACCOUNT)
                .problems(409, 429)
                .tag("accounts")
                .summary(
                        "Create an account (admin only). The password has 12 to 256 characters and is not a common one; 429 with Retry-After past the creation quota of the address")
                .body(NewAccount.class)
                .returns(CreatedAccount.class, 201)
                .handle(this::createAccount);
        api.get("/api/v1/accounts")
                .id("listAccounts")
                .caller(Caller.ACCOUNT)
                .tag("accounts")
                .summary("List all accounts (admin only)")
                .returns(Api.listOf(AccountView.class))
                .handle(ctx -> {
                    authentication.requireRole(ctx, Role.ADMIN);
                    ctx.json(accounts.all().stream().map(AccountView::of).toList());
                });
    }

    private void signIn(Context ctx) {
        SignIn in = Requests.body(ctx, SignIn.class);
        List<FieldError> errors = new ArrayList<>();
        if (in.email() == null || in.email().isBlank()) {
            errors.add(new FieldError("email", "account.email.invalid"));
        }
        if (in.password() == null || in.password().isEmpty()) {
            errors.add(new FieldError("password", "account.password.missing"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        throttles.signIn(ctx);
        Account account = attempts.signIn(in.email(), in.password(), Throttles.clientAddress(ctx))
                .orElseThrow(() -> new Unauthorized("invalid-credentials", "account.sign-in.failed"));
        SessionStore.NewSession session = sessions.start(account.id());
        int maxAge = (int) SessionStore.LIFETIME.toSeconds();
        ctx.cookie(new Cookie(
                Authentication.SESSION_COOKIE, session.secret(), "/", maxAge, secureCookies, true, null, SameSite.LAX));
        ctx.json(new SignedIn(AccountView.of(account), session.csrfToken()));
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        ctx.cookie(new Cookie(Authentication.SESSION_COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Account account = authentication.requireAccount(ctx);
        String csrf = Authentication.bearer(ctx).isPresent()
                ? null
                : authentication
                        .session(ctx)
                        .map(SessionStore.Session::csrfToken)
                        .orElse(null);
        ctx.json(new SignedIn(AccountView.of(account), csrf));
    }

    private void issueToken(Context ctx) {
        Account account = authentication.requireAccount(ctx);
        NewToken in = Requests.body(ctx, NewToken.class);
        List<FieldError> errors = new ArrayList<>();
        String name = InputText.clean(in.name(), "name", 1, 100, false, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        ApiTokenStore.IssuedToken issued = tokens.issue(account.id(), name);
        ctx.status(201)
                .json(new CreatedToken(
                        issued.token().id(),
                        issued.token().name(),
                        issued.token().createdAt(),
                        issued.secret()));
    }

    private void revokeToken(Context ctx) {
        Account account = authentication.requireAccount(ctx);
        long id = PathIds.of(ctx, "tokenId");
        // Someone else's token and no token at all look the same: the caller learns nothing.
        if (!tokens.revoke(account.id(), id)) {
            throw NotFound.of("token", id);
        }
        ctx.status(204);
    }

    private void createAccount(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        throttles.accountCreation(ctx);
        NewAccount in = Requests.body(ctx, NewAccount.class);
        boolean generate = in.password() == null;
        String password = generate ? AccountStore.generatePassword() : in.password();
        Account created = accounts.create(in.email(), password, in.role());
        ctx.status(201).json(new CreatedAccount(AccountView.of(created), generate ? password : null));
    }
}
