package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.statement.StatementFeature;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.Given;
import org.commonground.testing.HandClock;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The durable queue against a LibreTranslate fake: what is sent, when, how often, and what survives a restart. */
class MachineTranslationQueueTest {
    @RegisterExtension
    static final FreshDatabase db = new FreshDatabase();

    private static final Duration WAIT = Duration.ofSeconds(20);

    static Given given;
    static Jdbi jdbi;
    static Account owner;
    static TranslationJobStore jobs;

    @BeforeAll
    static void setUp() {
        given = new Given(db.get());
        jdbi = given.jdbi();
        owner = given.account("mt-owner@example.org", Role.ORGANIZER);
        jobs = new TranslationJobStore(jdbi);
    }

    private static MachineTranslationFeature feature(FakeService fake, HandClock clock, String tuning) {
        var settings = MachineTranslationSettings.parse("libretranslate:" + fake.url() + tuning, "");
        // Every cohort value of these conversations is one the product names, except "industry".
        return MachineTranslationFeature.wire(jdbi, settings, clock, (dimension, value) -> !value.equals("industry"));
    }

    /** An open conversation written in all three languages (so only its statements need translating). */
    private static Conversation everywhere(String title, List<String> seeds, List<String> roles) {
        var conversations = ConversationCatalog.over(jdbi);
        var texts = Map.of(
                "ja",
                new Conversation.Text(title + "（日本語）", "", ""),
                "ko",
                new Conversation.Text(title + " (한국어)", "", ""),
                "en",
                new Conversation.Text(title, "", ""));
        Conversation c = conversations.create(
                owner.id(),
                new ConversationCatalog.NewConversation(
                        texts,
                        ModerationMode.POST,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(new ConversationCatalog.CohortSpec("role", roles, false))));
        seed(c, seeds);
        return conversations.transition(c.id(), ConversationState.OPEN);
    }

    private static List<Long> seed(Conversation c, List<String> texts) {
        List<Long> ids = new ArrayList<>();
        for (String t : texts) {
            ids.add(StatementFeature.wire(jdbi)
                    .seeding()
                    .seed(c.id(), owner.id(), t, null)
                    .id());
        }
        return ids;
    }

    private static String machine(long statementId, String lang) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT text || ' @' || service FROM translation WHERE statement_id = :s "
                                + "AND lang = :l AND kind = 'machine' AND state = 'approved'")
                        .bind("s", statementId)
                        .bind("l", lang)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }

    private static TranslationJobStore.Counts counts(Conversation c) {
        return jobs.counts(c.id());
    }

    @Test
    void everyAcceptedStatementConversationTextAndOwnCohortValueReachesEachOtherLanguage() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "")) {
            Conversation c = given.openConversation(owner, ModerationMode.POST, "Peace and exchange", List.of());
            List<Long> s = seed(c, List.of("평화 교류가 필요하다", "平和の交流を増やそう"));
            jdbi.useHandle(h -> h.execute(
                    "INSERT INTO cohort_value (dimension_id, value, position) "
                            + "SELECT id, 'industry', 99 FROM cohort_dimension WHERE conversation_id = ? AND name = 'role'",
                    c.id()));

            mt.turnOn(c.id());
            mt.start();
            // 2 statements × 2 languages, title, description, background × ja, ko, and "industry" × ja, ko.
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 12))
                    .as("all 12 jobs done")
                    .isEqualTo(12);

            assertThat(machine(s.get(0), "ja")).isEqualTo("〔ko→ja〕平和 交流가 필요하다 @LibreTranslate");
            assertThat(machine(s.get(0), "en")).isEqualTo("〔ko→en〕peace exchange가 필요하다 @LibreTranslate");
            assertThat(machine(s.get(1), "ko")).isEqualTo("〔ja→ko〕평화の교류を増やそう @LibreTranslate");
            assertThat(mt.text(c, Language.JA)).map(Conversation.Text::title).contains("〔en→ja〕Peace and exchange");
            assertThat(mt.text(c, Language.EN)).isEmpty();
            assertThat(fake.received("/translate"))
                    .allSatisfy(r -> assertThat(r.json().get("q").toString()).doesNotContain("\"JP\"", "\"student\""));
            int industry =
                    jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM machine_text WHERE conversation_id = ? "
                                    + "AND source_key = 'cohort:role:industry'")
                            .bind(0, c.id())
                            .mapTo(Integer.class)
                            .one());
            assertThat(industry).isEqualTo(2);
            Conversation reloaded = ConversationCatalog.over(jdbi).get(c.id());
            assertThat(mt.cohortValues(reloaded, Language.KO))
                    .containsExactly(Map.entry("role:industry", "〔en→ko〕industry"));
        }
    }

    @Test
    void nothingLeavesTheServerForAConversationThatHasNotTurnedItOn() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "")) {
            Conversation off = everywhere("Off", List.of("이 문장은 서버 밖으로 나가면 안 된다"), List.of("student"));
            Conversation on = everywhere("On", List.of("이 문장은 번역되어도 된다"), List.of("student"));

            mt.turnOn(on.id());
            mt.start();
            assertThat(eventually(WAIT, () -> counts(on).done(), n -> n == 2))
                    .as("the conversation that opted in is translated")
                    .isEqualTo(2);

            assertThat(counts(off)).isEqualTo(new TranslationJobStore.Counts(0, 0, 0));
            assertThat(fake.received())
                    .isNotEmpty()
                    .noneSatisfy(r -> assertThat(r.body()).contains("서버 밖으로"));
        }
    }

    @Test
    void aTooManyRequestsAnswerPausesTheServiceUntilItsRetryAfter() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "?workers=1")) {
            Conversation c = everywhere("Retry", List.of("평화"), List.of("student"));
            fake.answerNext(
                    new FakeService.Scripted(429, "{\"error\":\"Slowdown: 1 per 1 second\"}", "Retry-After", "120"));
            Instant before = clock.instant();

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(WAIT, () -> failedAttempts(c), n -> n == 1))
                    .as("the rate-limited job put back")
                    .isEqualTo(1);

            assertThat(notBefore(c, "%RATE_LIMITED%").toInstant()).isAfterOrEqualTo(before.plusSeconds(120));
            assertThat(counts(c).done()).isZero();
            assertThat(fake.received("/translate")).hasSize(1);

            clock.advance(Duration.ofSeconds(121));
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("both languages done after the wait")
                    .isEqualTo(2);
            assertThat(fake.received("/translate")).hasSize(3);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "?workers=1")) {
            Conversation c = everywhere("Backoff", List.of("교류"), List.of("student"));
            fake.answerNext(
                    new FakeService.Scripted(502, "<html>Bad Gateway</html>", "Content-Type", "text/html"),
                    new FakeService.Scripted(500, "{\"error\":\"Cannot translate text: out of memory\"}"));

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(WAIT, () -> failedAttempts(c), n -> n == 2))
                    .as("both jobs put back after a server error")
                    .isEqualTo(2);
            assertThat(notBefore(c, "%502%").toInstant())
                    .isAfter(clock.instant().minusSeconds(1));

            clock.advance(TranslationQueue.backoff(1).plusSeconds(1));
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("both done on the second attempt")
                    .isEqualTo(2);
            int attempts = jdbi.withHandle(
                    h -> h.createQuery("SELECT max(attempts) FROM translation_job WHERE conversation_id = ?")
                            .bind(0, c.id())
                            .mapTo(Integer.class)
                            .one());
            assertThat(attempts).isEqualTo(2);
        }
    }

    private static int failedAttempts(Conversation c) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM translation_job WHERE conversation_id = ? "
                        + "AND state = 'queued' AND attempts = 1 AND last_error IS NOT NULL AND leased_until IS NULL")
                .bind(0, c.id())
                .mapTo(Integer.class)
                .one());
    }

    private static OffsetDateTime notBefore(Conversation c, String error) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT not_before FROM translation_job WHERE conversation_id = ? " + "AND last_error LIKE ?")
                .bind(0, c.id())
                .bind(1, error)
                .mapTo(OffsetDateTime.class)
                .one());
    }

    @Test
    void anEmptyTranslationIsNotStoredButTriedAgain() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "?workers=1")) {
            Conversation c = everywhere("Empty", List.of("평화"), List.of("student"));
            fake.answerNext(new FakeService.Scripted(200, "{\"translatedText\":[\" \"]}"));

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(WAIT, () -> failedAttempts(c), n -> n == 1))
                    .as("the empty answer put back")
                    .isEqualTo(1);

            assertThat(notBefore(c, "%empty translation%")).isNotNull();
            clock.advance(TranslationQueue.backoff(1).plusSeconds(1));
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("both done")
                    .isEqualTo(2);
            long blank = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM translation t JOIN statement s "
                            + "ON s.id = t.statement_id WHERE s.conversation_id = ? AND btrim(t.text) = ''")
                    .bind(0, c.id())
                    .mapTo(Long.class)
                    .one());
            assertThat(blank).isZero();
        }
    }

    @Test
    void aMachineTranslationIsStoredWithoutBidiControls() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "?workers=1")) {
            Conversation c = everywhere("Bidi", List.of("평화"), List.of("student"));
            fake.answerNext(new FakeService.Scripted(200, "{\"translatedText\":[\"\u202E平和\u202C\"]}"));

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("both done")
                    .isEqualTo(2);

            List<String> stored =
                    jdbi.withHandle(h -> h.createQuery("SELECT t.text FROM translation t JOIN statement s "
                                    + "ON s.id = t.statement_id WHERE s.conversation_id = ? AND t.kind = 'machine'")
                            .bind(0, c.id())
                            .mapTo(String.class)
                            .list());
            assertThat(stored)
                    .hasSize(2)
                    .contains("平和")
                    .noneMatch(t -> t.matches("(?s).*[\u202A-\u202E\u2066-\u2069].*"));
        }
    }

    @Test
    void theMonthlyCharacterBudgetHoldsJobsUntilNextMonth() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "?budget=15&workers=1")) {
            Conversation c = everywhere("Budget", List.of("평화 교류가 필요합니다"), List.of("student")); // 12 characters

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(
                            WAIT,
                            () -> counts(c).done() == 1 && failedAttempts(c) == 0 && budgetWaits(c) == 1,
                            done -> done))
                    .as("one language done, the other waiting")
                    .isTrue();

            Instant now = clock.instant();
            assertThat(jobs.used(c.id(), now)).isEqualTo(12);
            assertThat(fake.received("/translate")).hasSize(1);
            assertThat(notBefore(c, "%budget%").toInstant()).isEqualTo(TranslationQueue.nextMonth(now));

            clock.advance(Duration.between(now, TranslationQueue.nextMonth(now)).plusMinutes(1));
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("the second language done next month")
                    .isEqualTo(2);
            assertThat(jobs.used(c.id(), clock.instant())).isEqualTo(12);
        }
    }

    private static int budgetWaits(Conversation c) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM translation_job WHERE conversation_id = ? "
                        + "AND state = 'queued' AND attempts = 0 AND last_error LIKE '%budget%'")
                .bind(0, c.id())
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void aRestartLosesNoJob() {
        var clock = HandClock.running();
        Conversation c = everywhere("Restart", List.of("하나", "둘", "셋", "넷", "다섯"), List.of("student"));
        try (var down = new FakeLibreTranslate();
                var first = feature(down, clock, "?workers=2")) {
            for (int i = 0; i < 40; i++) {
                down.answerNext(new FakeService.Scripted(503, "{\"error\":\"Service Unavailable\"}"));
            }
            first.turnOn(c.id());
            first.start();
            assertThat(eventually(WAIT, () -> failedAttempts(c), n -> n == 10))
                    .as("every job tried against the service that is down")
                    .isEqualTo(10);
        }
        assertThat(counts(c)).isEqualTo(new TranslationJobStore.Counts(10, 0, 0));

        clock.advance(Duration.ofMinutes(1));
        try (var up = new FakeLibreTranslate();
                var second = feature(up, clock, "")) {
            second.start();
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 10))
                    .as("every job done after the restart")
                    .isEqualTo(10);
            assertThat(up.received("/translate")).isNotEmpty();
        }
    }

    @Test
    void glossaryTermsComeOutAsAgreedThroughTheQueue() {
        var clock = HandClock.running();
        try (var fake = new FakeLibreTranslate();
                var mt = feature(fake, clock, "")) {
            Conversation c = everywhere("Glossary", List.of(), List.of("student"));
            mt.replaceGlossary(c.id(), new Glossary(List.of(new Glossary.Term("竹島", "독도", "Dokdo/Takeshima", null))));
            long s = seed(c, List.of("독도 문제는 평화롭게")).getFirst();

            mt.turnOn(c.id());
            mt.start();
            assertThat(eventually(WAIT, () -> counts(c).done(), n -> n == 2))
                    .as("both languages done")
                    .isEqualTo(2);

            assertThat(machine(s, "ja"))
                    .isEqualTo("〔ko→ja〕竹島 문제는 平和롭게 @LibreTranslate")
                    .doesNotContain("獨島");
            assertThat(machine(s, "en")).startsWith("〔ko→en〕Dokdo/Takeshima 문제는");
        }
    }
}
