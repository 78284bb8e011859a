package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.participation.ParticipationFeature;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.statement.StatementFeature;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestDatabase;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The conversation store's contract, on the embedded and the external PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class ConversationStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    static TestDatabase db;
    static Jdbi jdbi;
    static ConversationStore conversations;
    static Seeding seeds;
    static TestAccounts given;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Kind kind) {
        db = TestDatabase.fresh(kind);
        jdbi = Database.jdbi(db.dataSource());
        conversations = new ConversationStore(jdbi, ParticipationFeature.cohortUse());
        seeds = StatementFeature.wire(jdbi).seeding();
        given = new TestAccounts(db);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    static Account organizer() {
        return given.organizer().account();
    }

    static ConversationStore.NewConversation titled(String title) {
        return new ConversationStore.NewConversation(
                Map.of("en", new Conversation.Text(title, "", "")), null, null, null, null);
    }

    static long count(String table) {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void storesEverySettingAndReadsItBack() {
        Account owner = organizer();
        var in = new ConversationStore.NewConversation(
                Map.of(
                        "ko",
                        new Conversation.Text("함께할 일", "설명", "배경"),
                        "en",
                        new Conversation.Text("Together", "Why", "Context")),
                ModerationMode.PRE,
                false,
                ResultsVisibility.ORGANIZERS,
                List.of(
                        new ConversationStore.CohortSpec("country", List.of("JP", "KR"), true),
                        new ConversationStore.CohortSpec("age", List.of("under-30", "30-plus"), null)));

        Conversation created = conversations.create(owner.id(), in);
        Conversation read = conversations.find(created.id()).orElseThrow();

        assertThat(read).isEqualTo(created);
        assertThat(read.ownerId()).isEqualTo(owner.id());
        assertThat(read.state()).isEqualTo(ConversationState.DRAFT);
        assertThat(read.moderationMode()).isEqualTo(ModerationMode.PRE);
        assertThat(read.participantsCanWrite()).isFalse();
        assertThat(read.resultsVisibility()).isEqualTo(ResultsVisibility.ORGANIZERS);
        assertThat(read.texts().get(Language.KO).title()).isEqualTo("함께할 일");
        assertThat(read.languages()).containsExactly(Language.KO, Language.EN);
        assertThat(read.cohorts())
                .extracting(Conversation.CohortDimension::name)
                .containsExactly("country", "age");
        assertThat(read.cohort("country").orElseThrow().fixedByInvite()).isTrue();
        assertThat(read.cohort("age").orElseThrow().values()).containsExactly("under-30", "30-plus");
    }

    @Test
    void followsTheStateMachineAndRefusesIllegalMoves() {
        long id = conversations.create(organizer().id(), titled("Life")).id();

        assertThatThrownBy(() -> conversations.transition(id, ConversationState.CLOSED))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("illegal-transition"));
        assertThat(conversations.transition(id, ConversationState.OPEN).state()).isEqualTo(ConversationState.OPEN);
        assertThatThrownBy(() -> conversations.transition(id, ConversationState.ARCHIVED))
                .isInstanceOf(Conflict.class);
        assertThat(conversations.transition(id, ConversationState.CLOSED).state())
                .isEqualTo(ConversationState.CLOSED);
        assertThat(conversations.transition(id, ConversationState.OPEN).state())
                .as("reopen")
                .isEqualTo(ConversationState.OPEN);
        conversations.transition(id, ConversationState.CLOSED);
        assertThat(conversations.transition(id, ConversationState.ARCHIVED).state())
                .isEqualTo(ConversationState.ARCHIVED);
        assertThatThrownBy(() -> conversations.transition(id, ConversationState.OPEN))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> conversations.update(
                        id, new ConversationStore.ConversationChanges(null, ModerationMode.PRE, null, null)))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("conversation-archived"));
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndReplacesTexts() {
        long id = conversations.create(organizer().id(), titled("Before")).id();

        Conversation updated = conversations.update(
                id,
                new ConversationStore.ConversationChanges(
                        Map.of("ja", new Conversation.Text("後", "", "")), null, false, null));

        assertThat(updated.texts()).containsOnlyKeys(Language.JA);
        assertThat(updated.participantsCanWrite()).isFalse();
        assertThat(updated.moderationMode()).isEqualTo(ModerationMode.POST);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(updated.createdAt());
    }

    @Test
    void invalidCohortsWriteNothing() {
        long before = count("conversation");
        var in = new ConversationStore.NewConversation(
                Map.of("en", new Conversation.Text("Bad cohorts", "", "")),
                null,
                null,
                null,
                List.of(new ConversationStore.CohortSpec("Country!", List.of("JP", "JP"), false)));

        assertThatThrownBy(() -> conversations.create(organizer().id(), in))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(f -> f.field())
                                .containsExactly("cohorts.0.name", "cohorts.0.values.1"));
        assertThat(count("conversation")).isEqualTo(before);
    }

    @Test
    void staffAreListedByRoleThenEmailAsTheDatabaseSortsThem() {
        long id = conversations.create(organizer().id(), titled("Staff order")).id();
        // Case, dots and dashes: where collations differ, the list must still follow the database's.
        String run = Long.toString(id);
        List<String> emails = List.of(
                "zoe" + run + "@example.org",
                "Amy" + run + "@example.org",
                "a.my" + run + "@example.org",
                "al-x" + run + "@example.org",
                "bob" + run + "@example.org",
                "B.ob" + run + "@example.org");
        for (int i = 0; i < emails.size(); i++) {
            Account a = given.account(emails.get(i), i % 2 == 0 ? Role.ORGANIZER : Role.MODERATOR);
            if (i % 2 == 0) {
                conversations.addMember(id, a.id(), MemberRole.ORGANIZER);
            }
            conversations.addMember(id, a.id(), i % 3 == 0 ? MemberRole.TRANSLATOR : MemberRole.MODERATOR);
        }

        List<String> sortedBySql = jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT m.role || ' ' || a.email FROM conversation_member m JOIN account a ON a.id = m.account_id
                        WHERE m.conversation_id = :id ORDER BY m.role, a.email""").bind("id", id).mapTo(String.class).list());
        assertThat(conversations.members(id))
                .extracting(m -> m.role().code() + " " + m.email())
                .hasSize(emails.size() + 3)
                .containsExactlyElementsOf(sortedBySql);
    }

    @Test
    void cohortsChangeOnlyInADraftWithoutInvites() {
        long id = conversations.create(organizer().id(), titled("Cohorts")).id();
        var spec = List.of(new ConversationStore.CohortSpec("region", List.of("north", "south"), false));

        assertThat(conversations.replaceCohorts(id, spec).cohorts())
                .extracting(Conversation.CohortDimension::name)
                .containsExactly("region");
        new InviteStore(jdbi).create(id, "first", null, Map.of("region", "north"));
        assertThatThrownBy(() -> conversations.replaceCohorts(id, List.of()))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("cohorts-locked"));
        assertThat(conversations.get(id).cohorts()).hasSize(1);
    }

    @Test
    void seedsAreAcceptedAndNearDuplicatesPointToTheFirst() {
        Account owner = organizer();
        long id = conversations.create(owner.id(), titled("Seeds")).id();

        var first = seeds.seed(id, owner.id(), "歴史教育を共同で行うべきだ。", null);

        assertThat(first.lang()).isEqualTo(Language.JA);
        assertThatThrownBy(() -> seeds.seed(id, owner.id(), " 歴史教育を共同で行うべきだ ", null))
                .isInstanceOfSatisfying(
                        Conflict.class,
                        e -> assertThat(e.extensions().get("existing"))
                                .isEqualTo(java.util.Map.of("id", first.id(), "text", first.text())));
        String state = jdbi.withHandle(h -> h.createQuery("SELECT moderation_state FROM statement WHERE id = :id")
                .bind("id", first.id())
                .mapTo(String.class)
                .one());
        assertThat(state).isEqualTo("accepted");
    }

    @Test
    void seedsAreRefusedOnceClosed() {
        Account owner = organizer();
        long id = conversations.create(owner.id(), titled("Closing")).id();
        conversations.transition(id, ConversationState.OPEN);
        conversations.transition(id, ConversationState.CLOSED);

        assertThatThrownBy(() -> seeds.seed(id, owner.id(), "Too late", Language.EN))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.type()).isEqualTo("conversation-closed"));
    }

    @Test
    void listsPublicConversationsToAnonymousReadersAndOwnDraftsToStaff() {
        Account owner = organizer();
        long draft = conversations.create(owner.id(), titled("Draft")).id();
        long open = conversations.create(owner.id(), titled("Open")).id();
        conversations.transition(open, ConversationState.OPEN);

        List<Long> anonymous = conversations.visibleTo(Optional.empty(), Long.MAX_VALUE, 200).stream()
                .map(Conversation::id)
                .toList();
        List<Long> staff = conversations.visibleTo(Optional.of(owner), Long.MAX_VALUE, 200).stream()
                .map(Conversation::id)
                .toList();
        List<Long> page = conversations.visibleTo(Optional.of(owner), open, 1).stream()
                .map(Conversation::id)
                .toList();

        assertThat(anonymous).contains(open).doesNotContain(draft);
        assertThat(staff).contains(open, draft);
        assertThat(page).containsExactly(draft);
    }

    @Test
    void coOrganizerMustBeAnOrganizerAccount() {
        Account owner = organizer();
        long id = conversations.create(owner.id(), titled("Staff")).id();
        Account moderator = given.moderator().account();

        assertThatThrownBy(() -> conversations.addMember(id, moderator.id(), MemberRole.ORGANIZER))
                .isInstanceOf(Invalid.class);
        assertThat(conversations.addMember(id, moderator.id(), MemberRole.MODERATOR))
                .extracting(ConversationStore.Member::role)
                .containsExactly(MemberRole.MODERATOR);
        assertThatThrownBy(() -> conversations.addMember(id, 999_999L, MemberRole.TRANSLATOR))
                .isInstanceOf(Invalid.class);
        assertThat(conversations.removeMember(id, moderator.id(), MemberRole.MODERATOR))
                .isTrue();
        assertThat(conversations.members(id)).isEmpty();
    }

    @Test
    void aTranslatorKeepsTheLanguagesTheyWereGivenInTheirOrderAndAllThreeByDefault() {
        Account owner = organizer();
        long id = conversations.create(owner.id(), titled("Languages")).id();
        Account chosen = given.translator().account();
        Account defaulted = given.translator().account();

        conversations.addMember(
                id,
                chosen.id(),
                MemberRole.TRANSLATOR,
                new TranslatorLanguages(List.of(Language.KO, Language.JA, Language.KO)));
        conversations.addMember(id, defaulted.id(), MemberRole.TRANSLATOR);

        assertThat(conversations
                        .translatorLanguages(id, chosen.id())
                        .orElseThrow()
                        .languages())
                .containsExactly(Language.KO, Language.JA);
        assertThat(conversations.translatorLanguages(id, defaulted.id())).contains(TranslatorLanguages.ALL);
        assertThat(conversations.translatorLanguages(id, owner.id())).isEmpty();
        for (String stored : List.of("{}", "{fr}", "{ja,ko,en,ja}")) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                            "UPDATE conversation_member SET languages = ?::text[] WHERE account_id = ?",
                            stored,
                            chosen.id())))
                    .as(stored)
                    .hasMessageContaining("conversation_member_languages_check");
        }
    }
}
