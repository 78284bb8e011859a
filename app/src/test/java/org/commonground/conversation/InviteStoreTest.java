package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commonground.db.Database;
import org.commonground.participation.ParticipationFeature;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The invite store's contract, on the embedded and the external PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class InviteStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    static TestDatabase db;
    static Jdbi jdbi;
    static ConversationStore conversations;
    static InviteStore invites;
    static TestAccounts given;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Kind kind) {
        db = TestDatabase.fresh(kind);
        jdbi = Database.jdbi(db.dataSource());
        conversations = new ConversationStore(jdbi, ParticipationFeature.cohortUse());
        invites = new InviteStore(jdbi);
        given = new TestAccounts(db);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    static Conversation conversation(List<ConversationStore.CohortSpec> cohorts) {
        return conversations.create(
                given.organizer().id(),
                new ConversationStore.NewConversation(
                        Map.of("en", new Conversation.Text("Invites", "", "")), null, null, null, cohorts));
    }

    static long inviteRows() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM invite").mapTo(Long.class).one());
    }

    @Test
    void createsAnInviteFixingCohortValuesWithAnUnguessableCode() {
        long id = conversation(null).id();

        InviteStore.Invite invite =
                invites.create(id, "  Korean journalists ", 50, Map.of("country", "KR", "role", "journalist"));

        assertThat(invite.code()).hasSizeGreaterThanOrEqualTo(16).matches("[A-Za-z0-9_-]+");
        assertThat(invite.label()).isEqualTo("Korean journalists");
        assertThat(invite.cohort()).containsExactlyInAnyOrderEntriesOf(Map.of("country", "KR", "role", "journalist"));
        assertThat(invite.uses()).isZero();
        assertThat(invite.usable()).isTrue();
        assertThat(invites.of(id)).containsExactly(invite);
        assertThat(invites.byCode(invite.code())).contains(invite);
    }

    @Test
    void refusesValuesOutsideTheDimensionAndUnknownDimensionsWritingNothing() {
        long id = conversation(null).id();
        long before = inviteRows();

        assertThatThrownBy(() -> invites.create(id, "", 0, Map.of("country", "FR", "planet", "mars")))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(f -> f.field())
                                .containsExactlyInAnyOrder("maxUses", "cohort.country", "cohort.planet"));
        assertThat(inviteRows()).isEqualTo(before);
    }

    @Test
    void requiresAValueForEveryDimensionFixedByInvite() {
        long id = conversation(List.of(
                        new ConversationStore.CohortSpec("country", List.of("JP", "KR"), true),
                        new ConversationStore.CohortSpec("role", List.of("student", "other"), false)))
                .id();

        assertThatThrownBy(() -> invites.create(id, "no country", null, Map.of("role", "student")))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(f -> f.field())
                                .containsExactly("cohort.country"));
        assertThat(invites.create(id, "JP", null, Map.of("country", "JP")).cohort())
                .containsEntry("country", "JP");
    }

    @Test
    void redeemCountsUsesAndRefusesExhaustedAndRevokedInvites() {
        Conversation c = conversation(null);
        InviteStore.Invite invite = invites.create(c.id(), "one", 1, Map.of("country", "JP"));

        InviteStore.Redemption r = jdbi.inTransaction(h -> invites.redeem(h, invite.code()));

        assertThat(r.conversationId()).isEqualTo(c.id());
        assertThat(r.cohortByDimensionId())
                .containsExactly(Map.entry(c.cohort("country").orElseThrow().id(), "JP"));
        assertThatThrownBy(() -> jdbi.inTransaction(h -> invites.redeem(h, invite.code())))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("invite-exhausted"));
        InviteStore.Invite open = invites.create(c.id(), "open", null, Map.of());
        invites.revoke(c.id(), open.id());
        assertThatThrownBy(() -> jdbi.inTransaction(h -> invites.redeem(h, open.code())))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("invite-revoked"));
        assertThatThrownBy(() -> jdbi.inTransaction(h -> invites.redeem(h, "no-such-code")))
                .isInstanceOf(NotFound.class);
        assertThat(invites.byCode(invite.code()).orElseThrow().uses()).isEqualTo(1);
    }

    @Test
    void concurrentRedemptionsNeverExceedMaxUses() throws Exception {
        long id = conversation(null).id();
        InviteStore.Invite invite = invites.create(id, "five", 5, Map.of());
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> {
                try {
                    jdbi.useTransaction(h -> invites.redeem(h, invite.code()));
                    return true;
                } catch (Conflict exhausted) {
                    return false;
                }
            });
        }

        long admitted;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                admitted += f.get() ? 1 : 0;
            }
        }

        assertThat(admitted).isEqualTo(5);
        assertThat(invites.byCode(invite.code()).orElseThrow().uses()).isEqualTo(5);
    }

    @Test
    void revokingAnotherConversationsInviteIsNotFound() {
        long mine = conversation(null).id();
        long theirs = conversation(null).id();
        InviteStore.Invite invite = invites.create(theirs, "theirs", null, Map.of());

        assertThatThrownBy(() -> invites.revoke(mine, invite.id())).isInstanceOf(NotFound.class);
        assertThat(invites.byCode(invite.code()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void archivedConversationsGetNoNewInvites() {
        long id = conversation(null).id();
        conversations.transition(id, ConversationState.OPEN);
        conversations.transition(id, ConversationState.CLOSED);
        conversations.transition(id, ConversationState.ARCHIVED);

        assertThatThrownBy(() -> invites.create(id, "late", null, Map.of())).isInstanceOf(Conflict.class);
    }
}
