package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.db.Database;
import org.commonground.problem.Conflict;
import org.commonground.testing.Given;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestDatabase;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document's rows and its rule of publication on a real database: versions are numbered 1, 2, …
 * even when saved at once, a snapshot keeps what the draft was, an approval counts once, and the rule
 * wants an approval from Japan's cohort and one from Korea's.
 */
class DocumentStoreTest {
    static TestDatabase db;
    static Jdbi jdbi;
    static DocumentStore store;
    static long dialogue;
    static long japan;
    static long korea;

    @BeforeAll
    static void arrange() {
        db = TestDatabase.embedded();
        jdbi = Database.jdbi(db.dataSource());
        store = new DocumentStore(jdbi);
        TestAccounts accounts = new TestAccounts(db);
        var organizer = accounts.create(Role.ORGANIZER);
        japan = accounts.create(Role.TRANSLATOR).id();
        korea = accounts.create(Role.TRANSLATOR).id();
        Conversation first = new Given(db)
                .openConversation(
                        organizer.account(), ModerationMode.POST, "Round 1", List.of("Exchanges should double"));
        dialogue = new DialogueStore(jdbi)
                .create(
                        organizer.id(),
                        Map.of(Language.EN, new Dialogue.DialogueText("History", "")),
                        first.id(),
                        null,
                        null)
                .id();
        store.grantEditor(dialogue, japan, "JP", Instant.now());
        store.grantEditor(dialogue, korea, "KR", Instant.now());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static SharedDocument.Snapshot draft() {
        return new SharedDocument.Snapshot(store.sections(dialogue));
    }

    @Test
    void versionsSavedAtOnceGetConsecutiveNumbers() throws Exception {
        store.addClause(
                store.addSection(dialogue, Map.of("en", "Exchanges")),
                Map.of("en", "More exchanges."),
                List.of(),
                true,
                "editor",
                List.of(),
                japan);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> saves = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            saves.add(() -> store.saveVersion(dialogue, draft(), japan, Instant.now()));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(saves)) {
            numbers.add(f.get());
        }
        pool.shutdown();

        int before = store.versions(dialogue).size() - 4;
        assertThat(numbers).containsExactlyInAnyOrder(before + 1, before + 2, before + 3, before + 4);
        assertThat(store.versions(dialogue))
                .extracting(SharedDocument.Version::number)
                .doesNotHaveDuplicates();
    }

    @Test
    void aSnapshotKeepsTheDraftAsItWasWhenSaved() {
        long section = store.addSection(dialogue, Map.of("en", "Archives", "ja", "アーカイブ"));
        long clause = store.addClause(
                section, Map.of("en", "Keep the testimonies."), List.of(), true, "editor", List.of(), korea);
        int n = store.saveVersion(dialogue, draft(), korea, Instant.now());

        store.rewriteClause(clause, Map.of("en", "Keep every testimony."), List.of(), japan);

        SharedDocument.Version v = store.version(dialogue, n).orElseThrow();
        assertThat(v.snapshot().sections())
                .filteredOn(s -> s.id() == section)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.titles()).containsEntry("ja", "アーカイブ");
                    assertThat(s.clauses().getFirst().texts()).containsEntry("en", "Keep the testimonies.");
                });
    }

    @Test
    void publicationNeedsJapansAndKoreasApprovalAndAnApprovalCountsOnce() {
        store.addSection(dialogue, Map.of("en", "Rule"));
        int n = store.saveVersion(dialogue, draft(), japan, Instant.now());
        store.approve(dialogue, n, japan, "JP", Instant.now());
        store.approve(dialogue, n, japan, "JP", Instant.now());

        SharedDocument.Version onlyJapan = store.version(dialogue, n).orElseThrow();
        assertThat(onlyJapan.approvals()).hasSize(1);
        assertThatThrownBy(() -> DocumentEditing.requireApprovals(onlyJapan))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.type()).isEqualTo("document-approvals-missing");
                    assertThat(c.args()).containsExactly(n, "KR");
                });

        store.approve(dialogue, n, korea, "KR", Instant.now());
        DocumentEditing.requireApprovals(store.version(dialogue, n).orElseThrow());
        store.publish(dialogue, n, korea, Instant.now());
        assertThat(store.version(dialogue, n).orElseThrow().published()).isTrue();
    }

    @Test
    void grantingAgainChangesTheEditorsCountry() {
        long other = new TestAccounts(db).create(Role.TRANSLATOR).id();
        store.grantEditor(dialogue, other, "US", Instant.now());

        store.grantEditor(dialogue, other, "KR", Instant.now());

        assertThat(store.countryOf(dialogue, other)).contains("KR");
        assertThat(store.editors(dialogue))
                .filteredOn(e -> e.accountId() == other)
                .hasSize(1);
        assertThat(DialogueEditors.country(" jp ")).isEqualTo("JP");
        assertThat(DialogueEditors.country("Other")).isEqualTo("other");
    }
}
