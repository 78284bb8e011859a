package org.commonground.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.mail.Outbox;
import org.commonground.mail.OutgoingMail;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.commonground.web.Secrets;

/**
 * The rules of a team invitation, the same for every scope: an organizer names an e-mail and a
 * role; the invitee gets a one-time link by mail (the token is only in the mail, the row keeps its
 * hash) valid for {@link #VALID_FOR}; opening it, they choose a password (a new account) or give
 * their password (an account they already have), and then hold the role through the scope's
 * {@link TeamGrant}.
 */
final class TeamInvitations {
    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String LINK_PATH = "/team-invitations/";
    /** Invitations one account may send a day: enough for any team, too few to relay spam. */
    static final int DAILY_CAP = 200;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final TeamInvitationStore store;
    private final Outbox outbox;
    private final Accounts accounts;
    private final Messages messages;
    private final Clock clock;
    private final Map<String, TeamGrant> grants;

    TeamInvitations(
            TeamInvitationStore store,
            Outbox outbox,
            Accounts accounts,
            Messages messages,
            Clock clock,
            Map<String, TeamGrant> grants) {
        this.store = store;
        this.outbox = outbox;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
        this.grants = grants;
    }

    /**
     * An invitation to send; {@code language} of the mail, the request's when absent; {@code country}
     * the country cohort a dialogue editor writes for (JP, KR, …), required for editors only.
     */
    record NewTeamInvitation(String email, String role, String language, String country) {}

    /** An invitation as its organizer sees it (never its token). */
    record TeamInvitationView(
            long id, String scope, long scopeId, String email, String role, Instant expiresAt, boolean accepted) {
        static TeamInvitationView of(TeamInvitationStore.Invitation i) {
            return new TeamInvitationView(
                    i.id(), i.scope(), i.scopeId(), i.email(), i.role(), i.expiresAt(), i.acceptedAt() != null);
        }
    }

    boolean mailOn() {
        return outbox.on();
    }

    /** Records the invitation and queues its mail in one transaction; 409 {@code mail-off} without mail. */
    TeamInvitationStore.Invitation invite(
            TeamGrant grant,
            Account inviter,
            long scopeId,
            NewTeamInvitation in,
            Language requestLanguage,
            String baseUrl) {
        String email = in.email() == null ? "" : in.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw Invalid.field("email", "team-invitation.email.invalid");
        }
        String role = in.role() == null ? "" : in.role().strip();
        if (!grant.roles().contains(role)) {
            throw Invalid.field("role", "team-invitation.role.invalid", String.join(", ", grant.roles()));
        }
        String country = grant.country(role, in.country());
        Language language = in.language() == null
                ? requestLanguage
                : Language.parse(in.language())
                        .orElseThrow(() -> Invalid.field("language", "participant.language.invalid"));
        if (!outbox.on()) {
            throw new Conflict("mail-off", "problem.mail-off");
        }
        Instant now = clock.instant();
        if (store.sentBy(inviter.id(), now.minus(Duration.ofDays(1))) >= DAILY_CAP) {
            throw new org.commonground.problem.TooManyRequests(
                    "team-invitations-too-many", "problem.team-invitations-too-many", 3600, DAILY_CAP);
        }
        String token = Secrets.token();
        Instant expires = now.plus(VALID_FOR);
        String title = grant.title(scopeId, language);
        String roleName = messages.get(language, "team-invitation.role." + role);
        String link = baseUrl + LINK_PATH + token;
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(language.locale())
                .withZone(ZoneOffset.UTC)
                .format(expires);
        OutgoingMail mail = OutgoingMail.of(
                email,
                messages.get(language, "mail.team-invitation.subject", title, roleName),
                messages.get(language, "mail.team-invitation.body", inviter.email(), title, roleName, link, when));
        return store.create(
                new TeamInvitationStore.NewInvitation(
                        grant.scope(),
                        scopeId,
                        email.toLowerCase(Locale.ROOT),
                        role,
                        country,
                        language.code(),
                        Secrets.hash(token),
                        inviter.id(),
                        now,
                        expires),
                h -> outbox.enqueue(h, mail));
    }

    /** The invitation behind a link: 404 for an unknown token, 410 once used or expired. */
    TeamInvitationStore.Invitation open(String token) {
        TeamInvitationStore.Invitation i = store.byTokenHash(Secrets.hash(token == null ? "" : token))
                .orElseThrow(() -> NotFound.of("team-invitation", "…"));
        if (i.acceptedAt() != null) {
            throw new Conflict(410, "team-invitation-used", "problem.team-invitation-used");
        }
        if (!i.open(clock.instant())) {
            throw new Conflict(410, "team-invitation-expired", "problem.team-invitation-expired");
        }
        return i;
    }

    boolean hasAccount(TeamInvitationStore.Invitation i) {
        return accounts.findByEmail(i.email()).isPresent();
    }

    TeamGrant grantOf(TeamInvitationStore.Invitation i) {
        return grants.get(i.scope());
    }

    /**
     * Accepts: with the password of the invitee's existing account (as a sign-in), or a new
     * password for a new account; then grants the role and uses up the link. Returns the account.
     */
    Account accept(String token, String password) {
        TeamInvitationStore.Invitation i = open(token);
        TeamGrant grant = grantOf(i);
        String pw = password == null ? "" : password;
        Optional<Account> existing = accounts.findByEmail(i.email());
        Account account;
        if (existing.isPresent()) {
            account = accounts.authenticate(i.email(), pw)
                    .orElseThrow(() -> Invalid.field("password", "team-invitation.password.wrong"));
        } else {
            account = accounts.create(i.email(), pw, grant.accountRole(i.role()));
        }
        grant.grant(i.scopeId(), account, i.role(), i.country());
        if (!store.accept(i.id(), account.id(), clock.instant())) {
            throw new Conflict(410, "team-invitation-used", "problem.team-invitation-used");
        }
        return account;
    }

    java.util.List<TeamInvitationStore.Invitation> of(TeamGrant grant, long scopeId) {
        return store.of(grant.scope(), scopeId);
    }
}
