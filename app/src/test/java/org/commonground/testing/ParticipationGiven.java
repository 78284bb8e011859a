package org.commonground.testing;

import java.util.List;
import java.util.Map;
import org.commonground.account.AccountStore;
import org.commonground.account.ApiTokenStore;
import org.commonground.account.Role;
import org.commonground.account.Secrets;
import org.commonground.account.SessionStore;
import org.commonground.participation.Join;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Small factories for participation tests: conversations, dimensions, invites and statements as
 * plain rows (the conversation feature's own API is not needed to test taking part), accounts
 * with API tokens, and participants joined through the real {@link Join}.
 */
public final class ParticipationGiven {
    public final Jdbi jdbi;
    private final AccountStore accounts;
    private final ApiTokenStore tokens;
    private final SessionStore sessions;
    private int seq;

    public ParticipationGiven(TestDatabase db) {
        this.jdbi = Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        this.accounts = new AccountStore(jdbi);
        this.tokens = new ApiTokenStore(jdbi);
        this.sessions = new SessionStore(jdbi);
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
     * A conversation with the default dimensions: {@code country} (required) and {@code role}
     * (optional), with the values the product proposes.
     */
    public Conversation conversation(String state, String moderation, boolean participantsCanWrite, String visibility) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO conversation (state, moderation_mode, participants_can_write, results_visibility)
                    VALUES (:state, :mode, :write, :visibility) RETURNING id""")
                    .bind("state", state).bind("mode", moderation).bind("write", participantsCanWrite)
                    .bind("visibility", visibility).mapTo(Long.class).one();
            h.execute("INSERT INTO conversation_text (conversation_id, lang, title) VALUES (?, 'en', 'Test conversation')", id);
            long country = dimension(h, id, "country", 0, true, List.of("JP", "KR", "US", "other"));
            long role = dimension(h, id, "role", 1, false,
                    List.of("academic", "educator", "student", "journalist", "business", "civil-society", "other"));
            return new Conversation(id, country, role);
        });
    }

    private static long dimension(org.jdbi.v3.core.Handle h, long conversationId, String name, int position,
                                  boolean required, List<String> values) {
        long id = h.createQuery("""
                INSERT INTO cohort_dimension (conversation_id, name, position, required)
                VALUES (:c, :name, :pos, :req) RETURNING id""")
                .bind("c", conversationId).bind("name", name).bind("pos", position).bind("req", required)
                .mapTo(Long.class).one();
        for (int i = 0; i < values.size(); i++) {
            h.execute("INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, ?, ?)", id, values.get(i), i);
        }
        return id;
    }

    public void setState(Conversation c, String state) {
        jdbi.useHandle(h -> h.execute("UPDATE conversation SET state = ? WHERE id = ?", state, c.id()));
    }

    /** An organizer seed statement, in the given moderation state. */
    public long statement(Conversation c, String text, String lang, String state) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO statement (conversation_id, text, lang, folded, is_seed, moderation_state)
                VALUES (:c, :text, :lang, :folded, true, :state) RETURNING id""")
                .bind("c", c.id()).bind("text", text).bind("lang", lang).bind("folded", StatementText.fold(text))
                .bind("state", state).mapTo(Long.class).one());
    }

    public long statement(Conversation c, String text) {
        return statement(c, text, "en", "accepted");
    }

    /** An invite link fixing the country; {@code maxUses} may be null for unlimited. */
    public long invite(Conversation c, String code, Integer maxUses, String country) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("INSERT INTO invite (conversation_id, code, max_uses) VALUES (:c, :code, :max) RETURNING id")
                    .bind("c", c.id()).bind("code", code).bind("max", maxUses).mapTo(Long.class).one();
            h.execute("INSERT INTO invite_cohort (invite_id, dimension_id, value) VALUES (?, ?, ?)", id, c.countryDimension(), country);
            return id;
        });
    }

    public void revokeInvite(long inviteId) {
        jdbi.useHandle(h -> h.execute("UPDATE invite SET revoked_at = now() WHERE id = ?", inviteId));
    }

    /** A participant joined through the real join command, from Japan. */
    public Taker participant(Conversation c) {
        return participant(c, "en");
    }

    public Taker participant(Conversation c, String language) {
        Join.Joined j = new Join(jdbi).join(c.id(), new Join.JoinRequest(Map.of("country", "JP"), null, null, language), Language.EN);
        return new Taker(j.participantId(), c.id(), j.token());
    }

    /** An account with the account role, member of the conversation with {@code memberRole} (if not null). */
    public Person person(Role role, Conversation c, String memberRole) {
        var account = accounts.create("p" + (++seq) + "-" + Secrets.random(6) + "@example.org", "long enough password", role);
        if (c != null && memberRole != null) {
            jdbi.useHandle(h -> h.execute(
                    "INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, ?)",
                    c.id(), account.id(), memberRole));
        }
        return new Person(account.id(), tokens.issue(account.id(), "test").secret());
    }

    /** A browser session cookie header for the account (to act without an API token). */
    public String[] sessionCookie(Person p) {
        return new String[] {"Cookie", "cg_session=" + sessions.start(p.id()).secret()};
    }

    public int count(String sql, Object... args) {
        return jdbi.withHandle(h -> h.select(sql, args).mapTo(Integer.class).one());
    }
}
