package org.commonground.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.account.Accounts;
import org.commonground.db.Database;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Seeding the demo into an empty database, once, on both databases. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedTest {
    static TestDatabase db;
    static Jdbi jdbi;
    static DemoSeed.Seeded first;

    @Parameter
    TestDatabase.Kind kind;

    @BeforeParameterizedClassInvocation
    static void seed(TestDatabase.Kind kind) {
        db = TestDatabase.fresh(kind);
        jdbi = Database.jdbi(db.dataSource());
        first = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty();
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    @Test
    @Order(1)
    void seedsAnOpenConversationTitledInThreeLanguagesWithTheDefaultCohorts() {
        assertThat(first.seeded()).isTrue();
        assertThat(strings(
                        "SELECT lang || ': ' || title FROM conversation_text WHERE conversation_id = :c ORDER BY lang"))
                .containsExactly(
                        "en: What should Japanese and Korean citizens do together?",
                        "ja: 日本と韓国の市民は、共に何をすべきか？",
                        "ko: 한국과 일본의 시민은 함께 무엇을 해야 할까?");
        assertThat(strings("SELECT state FROM conversation WHERE id = :c")).containsExactly("open");
        assertThat(strings("""
                SELECT d.name || '=' || string_agg(v.value, ',' ORDER BY v.position) FROM cohort_dimension d
                JOIN cohort_value v ON v.dimension_id = d.id WHERE d.conversation_id = :c GROUP BY d.name, d.position
                ORDER BY d.position"""))
                .containsExactly(
                        "country=JP,KR,US,other",
                        "role=academic,educator,student,journalist,business,civil-society,other");
    }

    @Test
    @Order(2)
    void everyStatementHasApprovedHumanTranslationsIntoTheOtherTwoLanguages() {
        assertThat(count("SELECT count(*) FROM statement WHERE conversation_id = :c AND moderation_state = 'accepted'"))
                .isEqualTo(44);
        assertThat(count("""
                SELECT count(*) FROM statement s WHERE s.conversation_id = :c AND (
                    SELECT count(DISTINCT t.lang) FROM translation t
                    WHERE t.statement_id = s.id AND t.lang <> s.lang AND t.kind = 'human' AND t.state = 'approved') = 2""")).isEqualTo(44);
        assertThat(
                        strings(
                                "SELECT lang || '=' || count(*) FROM statement WHERE conversation_id = :c GROUP BY lang ORDER BY lang"))
                .containsExactly("en=13", "ja=16", "ko=15");
    }

    @Test
    @Order(3)
    void participantsVoteInTheirCountrysLanguage() {
        assertThat(count("SELECT count(*) FROM participant WHERE conversation_id = :c"))
                .isEqualTo(360);
        assertThat(count("""
                SELECT count(*) FROM participant p JOIN participant_cohort pc ON pc.participant_id = p.id
                JOIN cohort_dimension d ON d.id = pc.dimension_id AND d.name = 'country'
                WHERE p.conversation_id = :c AND pc.value = 'KR' AND p.language <> 'ko'""")).isZero();
        assertThat(count("SELECT count(*) FROM current_vote WHERE conversation_id = :c"))
                .isGreaterThan(4_000);
        assertThat(count("SELECT count(*) FROM vote_event WHERE conversation_id = :c"))
                .isGreaterThan(count("SELECT count(*) FROM current_vote WHERE conversation_id = :c"));
    }

    @Test
    @Order(4)
    void demoAccountsSignInWithThePrintedPasswords() {
        Accounts accounts = Accounts.over(jdbi);

        assertThat(first.accounts())
                .extracting(c -> c.role().code())
                // one per role, and the demo dialogue's two document editors (Japan's and Korea's)
                .containsExactlyInAnyOrder(
                        "admin", "organizer", "moderator", "translator", "delegate", "translator", "translator");
        for (DemoSeed.Credential c : first.accounts()) {
            assertThat(accounts.authenticate(c.email(), c.password().orElseThrow()))
                    .isPresent();
        }
        assertThat(count("SELECT count(*) FROM conversation WHERE id = :c AND owner_id IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void aSecondStartSeedsNothing() {
        long rows = totalRows();

        DemoSeed.Seeded second = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty();

        assertThat(second.seeded()).isFalse();
        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(totalRows()).isEqualTo(rows);
    }

    private static List<String> strings(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("c", first.conversationId())
                .mapTo(String.class)
                .list());
    }

    private static long totalRows() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM conversation) + (SELECT count(*) FROM statement)
                     + (SELECT count(*) FROM translation) + (SELECT count(*) FROM vote_event)
                     + (SELECT count(*) FROM account)""").mapTo(Long.class).one());
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("c", first.conversationId())
                .mapTo(Long.class)
                .one());
    }
}
