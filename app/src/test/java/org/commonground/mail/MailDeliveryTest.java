package org.commonground.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.commonground.db.Database;
import org.commonground.problem.Conflict;
import org.commonground.testing.Eventually;
import org.commonground.testing.HandClock;
import org.commonground.testing.MailServer;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox and its background sender, against a real SMTP server (GreenMail) and PostgreSQL. */
class MailDeliveryTest {
    private static TestDatabase db;
    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        db = TestDatabase.embedded();
        jdbi = Database.jdbi(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aMailQueuedInATransactionArrivesInUtf8WithItsOneClickUnsubscribeHeaders() throws Exception {
        try (MailServer smtp = MailServer.started();
                MailFeature mail = MailFeature.wire(jdbi, smtp.settings(), new HandClock())) {
            mail.start();

            jdbi.useTransaction(h -> mail.outbox()
                    .enqueue(
                            h,
                            new OutgoingMail(
                                    "minji@example.kr",
                                    "새 라운드가 열렸습니다",
                                    "역사 교육에 관한 두 번째 라운드가 시작되었습니다.",
                                    new OutgoingMail.Unsubscribe(
                                            "http://127.0.0.1/unsubscribe/abc", "unsubscribe@commonground.test"))));

            MimeMessage m = smtp.awaitMailTo("minji@example.kr");
            assertThat(MailServer.subject(m)).isEqualTo("새 라운드가 열렸습니다");
            assertThat(MailServer.body(m)).contains("역사 교육에 관한 두 번째 라운드");
            assertThat(m.getFrom()[0].toString()).isEqualTo(MailServer.FROM);
            assertThat(MailServer.header(m, "List-Unsubscribe"))
                    .isEqualTo("<http://127.0.0.1/unsubscribe/abc>, <mailto:unsubscribe@commonground.test>");
            assertThat(MailServer.header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(Eventually.eventually(
                            Duration.ofSeconds(5), () -> mail.outbox().waiting(), n -> n == 0))
                    .as("a delivered mail leaves the outbox")
                    .isZero();
        }
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
        try (MailServer smtp = MailServer.started();
                MailFeature mail = MailFeature.wire(jdbi, smtp.settings(), new HandClock())) {
            mail.start();

            assertThatThrownBy(() -> jdbi.useTransaction(h -> {
                        mail.outbox().enqueue(h, OutgoingMail.of("rolled-back@example.jp", "件名", "本文"));
                        throw new IllegalStateException("the request failed after queueing");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            jdbi.useTransaction(h -> mail.outbox().enqueue(h, OutgoingMail.of("kept@example.jp", "件名", "本文")));

            smtp.awaitMailTo("kept@example.jp");
            assertThat(smtp.to("rolled-back@example.jp")).isEmpty();
        }
    }

    @Test
    void aMailTheServerCouldNotTakeIsRetriedOnceTheClockPassesItsBackoff() {
        HandClock clock = new HandClock();
        try (MailServer smtp = MailServer.stopped();
                MailFeature mail = MailFeature.wire(jdbi, smtp.settings(), clock)) {
            mail.start();
            jdbi.useTransaction(h -> mail.outbox().enqueue(h, OutgoingMail.of("retry@example.org", "Retry", "Body")));
            Integer failed = Eventually.eventually(Duration.ofSeconds(10), MailDeliveryTest::attempts, n -> n >= 1);
            assertThat(failed)
                    .as("the first attempt failed: nothing listens yet")
                    .isEqualTo(1);

            smtp.start();
            mail.deliverNow();
            assertThat(attempts()).as("not due again before its backoff").isEqualTo(1);
            assertThat(smtp.received()).isEmpty();

            clock.advance(MailDelivery.backoff(1).plusSeconds(1));
            mail.deliverNow();

            smtp.awaitMailTo("retry@example.org");
        }
    }

    @Test
    void withoutAnSmtpServerTheOutboxRefusesWithMailOff() {
        MailFeature off = MailFeature.wire(jdbi, MailSettings.off(), new HandClock());

        assertThat(off.outbox().on()).isFalse();
        assertThatThrownBy(() -> jdbi.useTransaction(h -> off.outbox().enqueue(h, OutgoingMail.of("a@b.c", "s", "b"))))
                .isInstanceOfSatisfying(
                        Conflict.class, c -> assertThat(c.type()).isEqualTo("mail-off"));
    }

    @Test
    void theSmtpUrlIsReadWithItsCredentialsAndRefusedWhenMalformed() {
        MailSettings s = MailSettings.of("smtp://mailer:p%40ss@mail.example:2525", "noreply@example.org");

        assertThat(List.of(s.host(), s.port(), s.user(), s.password()))
                .containsExactly("mail.example", 2525, "mailer", "p@ss");
        assertThat(s.toString()).doesNotContain("p@ss");
        assertThat(MailSettings.of(null, null).on()).isFalse();
        assertThatThrownBy(() -> MailSettings.of("http://mail.example", "a@b.c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailSettings.of("smtp://mail.example", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int attempts() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT coalesce(max(attempts), 0) FROM mail_outbox WHERE recipient = 'retry@example.org'")
                .mapTo(Integer.class)
                .one());
    }
}
