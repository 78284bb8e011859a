package org.commonground.testing;

import java.util.List;
import java.util.Map;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.db.Database;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.statement.StatementFeature;
import org.jdbi.v3.core.Jdbi;

/**
 * Small factories over the real stores, for arranging a test's world in a few lines, in the
 * domain's own types (the web and report tests). Accounts come from {@link TestAccounts} and
 * participants join through {@link ParticipationGiven#join}, so each is made one way everywhere.
 */
public final class Given {

    private final Jdbi jdbi;
    private final TestAccounts accounts;
    private final ConversationCatalog conversations;
    private final org.commonground.conversation.Seeding seeds;

    public Given(TestDatabase db) {
        this.jdbi = Database.jdbi(db.dataSource());
        this.accounts = new TestAccounts(db);
        this.conversations = ConversationCatalog.over(jdbi);
        this.seeds = StatementFeature.wire(jdbi).seeding();
    }

    public Account account(String email, Role role) {
        return accounts.account(email, role);
    }

    /** An open conversation with country and role cohorts and the given seed statements. */
    public Conversation openConversation(Account owner, ModerationMode mode, String title, List<String> seedTexts) {
        Conversation c = conversations.create(
                owner.id(),
                new ConversationCatalog.NewConversation(
                        Map.of(
                                "en",
                                new Conversation.Text(title, "A conversation for tests.", "Background for tests.")),
                        mode,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(
                                new ConversationCatalog.CohortSpec(
                                        "country", List.of("JP", "KR", "US", "other"), false),
                                new ConversationCatalog.CohortSpec(
                                        "role", List.of("student", "educator", "other"), false))));
        for (String text : seedTexts) {
            seeds.seed(c.id(), owner.id(), text, null);
        }
        return conversations.transition(c.id(), ConversationState.OPEN);
    }

    public void member(Conversation c, Account account, MemberRole role) {
        conversations.addMember(c.id(), account.id(), role);
    }

    public Join.Joined participant(Conversation c, String country) {
        return ParticipationGiven.join(jdbi, c.id(), country, "en");
    }

    public void vote(Conversation c, Join.Joined who, long statementId, Vote value) {
        Votes.over(jdbi).cast(c.id(), who.token(), statementId, value);
    }

    public List<Long> statementIds(Conversation c) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM statement WHERE conversation_id = :c ORDER BY id")
                .bind("c", c.id())
                .mapTo(Long.class)
                .list());
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
