package org.commonground.testing;

import java.util.List;
import java.util.Map;
import org.commonground.account.ApiTokens;
import org.commonground.account.CsrfGuard;
import org.commonground.account.Role;
import org.commonground.account.Sessions;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Invites;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.conversation.TranslatorLanguages;
import org.commonground.db.Database;
import org.commonground.participation.Join;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * Small factories for participation tests: conversations and invites made by the conversation
 * feature's own stores, seed statements as plain rows in any moderation state, accounts with API
 * tokens, and participants joined through the real {@link Join}.
 */
public final class ParticipationGiven {
    public final Jdbi jdbi;
    private final TestAccounts accounts;
    private final ApiTokens tokens;
    private final Sessions sessions;
    private final ConversationCatalog conversations;
    private final Invites invites;
    private Person organizer;
    private int seq;

    public ParticipationGiven(TestDatabase db) {
        this.jdbi = Database.jdbi(db.dataSource());
        this.accounts = new TestAccounts(db);
        this.tokens = ApiTokens.over(jdbi);
        this.sessions = Sessions.over(jdbi);
        this.conversations = ConversationCatalog.over(jdbi);
        this.invites = Invites.over(jdbi);
    }

    /** A conversation row and what is needed to act on it. */
    public record Conversation(long id, long countryDimension, long roleDimension) {}

    /** An account and a bearer API token for it. */
    public record Person(long id, String apiToken) {
        /** The Authorization header, followed by any further header name, value pairs. */
        public String[] bearer(String... more) {
            return headers("Bearer " + apiToken, more);
        }
    }

    /** A participant and its token. */
    public record Taker(long id, long conversationId, String token) {
        /** The Authorization header, followed by any further header name, value pairs. */
        public String[] bearer(String... more) {
            return headers("Bearer " + token, more);
        }
    }

    private static String[] headers(String authorization, String[] more) {
        String[] all = new String[more.length + 2];
        all[0] = "Authorization";
        all[1] = authorization;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    /** An open, post-moderated conversation where participants may write, with public results. */
    public Conversation openConversation() {
        return conversation("open", "post", true, "public");
    }

    /**
     * A conversation made by the conversation feature itself, with its default dimensions
     * ({@code country} and {@code role}, both self-declared), moved to {@code state} along the
     * legal path draft → open → closed → archived.
     */
    public Conversation conversation(String state, String moderation, boolean participantsCanWrite, String visibility) {
        return conversation(state, moderation, participantsCanWrite, visibility, null);
    }

    /** An open conversation whose {@code country} is fixed by invite links and cannot be self-declared. */
    public Conversation inviteOnlyCountryConversation() {
        return conversation(
                "open",
                "post",
                true,
                "public",
                List.of(
                        new ConversationCatalog.CohortSpec("country", List.of("JP", "KR", "US", "other"), true),
                        new ConversationCatalog.CohortSpec("role", List.of("student", "journalist", "other"), false)));
    }

    private Conversation conversation(
            String state,
            String moderation,
            boolean participantsCanWrite,
            String visibility,
            List<ConversationCatalog.CohortSpec> cohorts) {
        var created = conversations.create(
                organizer().id(),
                new ConversationCatalog.NewConversation(
                        Map.of("en", new org.commonground.conversation.Conversation.Text("Test conversation", "", "")),
                        ModerationMode.fromCode(moderation),
                        participantsCanWrite,
                        ResultsVisibility.fromCode(visibility),
                        cohorts));
        var c = new Conversation(
                created.id(),
                created.cohort("country").orElseThrow().id(),
                created.cohort("role").orElseThrow().id());
        setState(c, state);
        return c;
    }

    /**
     * Moves the conversation to {@code state} through the conversation feature's transitions.
     * Only a rewind to draft, which the product never does, is written directly.
     */
    public void setState(Conversation c, String state) {
        ConversationState target = ConversationState.fromCode(state);
        ConversationState now = conversations.get(c.id()).state();
        if (target == ConversationState.DRAFT) {
            jdbi.useHandle(h -> h.execute("UPDATE conversation SET state = 'draft' WHERE id = ?", c.id()));
            return;
        }
        List<ConversationState> path =
                List.of(ConversationState.OPEN, ConversationState.CLOSED, ConversationState.ARCHIVED);
        for (ConversationState step : path) {
            if (now == target) {
                return;
            }
            if (now.next().contains(step)) {
                now = conversations.transition(c.id(), step).state();
            }
        }
    }

    private Person organizer() {
        if (organizer == null) {
            organizer = person(Role.ORGANIZER, null, null);
        }
        return organizer;
    }

    /** An organizer seed statement, in the given moderation state. */
    public long statement(Conversation c, String text, String lang, String state) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO statement (conversation_id, text, lang, folded, is_seed, moderation_state)
                VALUES (:c, :text, :lang, :folded, true, :state) RETURNING id""")
                .bind("c", c.id())
                .bind("text", text)
                .bind("lang", lang)
                .bind("folded", StatementText.fold(text))
                .bind("state", state)
                .mapTo(Long.class)
                .one());
    }

    public long statement(Conversation c, String text) {
        return statement(c, text, "en", "accepted");
    }

    /** An invite link (made by the conversation feature) fixing the country; {@code maxUses} may be null. */
    public Invites.Invite invite(Conversation c, Integer maxUses, String country) {
        return invites.create(c.id(), "test", maxUses, Map.of("country", country));
    }

    public void revokeInvite(Invites.Invite invite) {
        invites.revoke(invite.conversationId(), invite.id());
    }

    /** A participant joined through the real join command, from Japan. */
    public Taker participant(Conversation c) {
        return participant(c, "en");
    }

    public Taker participant(Conversation c, String language) {
        Join.Joined j = join(jdbi, c.id(), "JP", language);
        return new Taker(j.participantId(), c.id(), j.token());
    }

    /** The participant's pseudonym in their conversation: how public answers name them. */
    public String publicId(long participantId) {
        return jdbi.withHandle(h -> h.select("SELECT public_id FROM participant WHERE id = ?", participantId)
                .mapTo(String.class)
                .one());
    }

    /** A participant joined through the real join command with a self-declared country. */
    public static Join.Joined join(Jdbi jdbi, long conversationId, String country, String language) {
        return new Join(jdbi, Invites.over(jdbi))
                .join(
                        conversationId,
                        new Join.JoinRequest(Map.of("country", country), null, null, language),
                        Language.EN);
    }

    /** An account with the account role, member of the conversation with {@code memberRole} (if not null). */
    public Person person(Role role, Conversation c, String memberRole) {
        var account = accounts.account("p" + (++seq) + "-" + Secrets.random(6) + "@example.org", role);
        if (c != null && memberRole != null) {
            jdbi.useHandle(h -> h.execute(
                    "INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, ?)",
                    c.id(),
                    account.id(),
                    memberRole));
        }
        return new Person(account.id(), tokens.issue(account.id(), "test").secret());
    }

    /** A translator account added to the conversation by its organizer, translating into {@code languages}. */
    public Person translator(Conversation c, String... languages) {
        Person p = person(Role.TRANSLATOR, null, null);
        conversations.addMember(
                c.id(), p.id(), MemberRole.TRANSLATOR, TranslatorLanguages.fromCodes(List.of(languages)));
        return p;
    }

    /** A browser session cookie and its CSRF header for the account (to act without an API token). */
    public String[] sessionCookie(Person p) {
        var session = sessions.start(p.id());
        return new String[] {"Cookie", "cg_session=" + session.secret(), CsrfGuard.HEADER, session.csrfToken()};
    }

    public int count(String sql, Object... args) {
        return jdbi.withHandle(h -> h.select(sql, args).mapTo(Integer.class).one());
    }
}
