package org.commonground.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.commonground.problem.Conflict;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code mail_outbox} rows: queued in a feature's transaction, claimed and settled by {@link MailDelivery}. */
final class OutboxStore implements Outbox {
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean on;
    private final Runnable wake;

    OutboxStore(Jdbi jdbi, Clock clock, boolean on, Runnable wake) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.on = on;
        this.wake = wake;
    }

    record Queued(
            long id,
            String recipient,
            String subject,
            String body,
            String unsubscribeUrl,
            String unsubscribeMail,
            int attempts) {
        OutgoingMail mail() {
            return new OutgoingMail(
                    recipient,
                    subject,
                    body,
                    unsubscribeUrl == null ? null : new OutgoingMail.Unsubscribe(unsubscribeUrl, unsubscribeMail));
        }
    }

    @Override
    public boolean on() {
        return on;
    }

    @Override
    public void enqueue(Handle h, OutgoingMail mail) {
        if (!on) {
            throw new Conflict("mail-off", "problem.mail-off");
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        h.createUpdate("""
                        INSERT INTO mail_outbox (recipient, subject, body, unsubscribe_url, unsubscribe_mail, created_at, next_attempt_at)
                        VALUES (:to, :subject, :body, :url, :mailto, :now, :now)""")
                .bind("to", mail.to())
                .bind("subject", mail.subject())
                .bind("body", mail.body())
                .bind(
                        "url",
                        mail.unsubscribe() == null ? null : mail.unsubscribe().url())
                .bind(
                        "mailto",
                        mail.unsubscribe() == null ? null : mail.unsubscribe().mailto())
                .bind("now", now)
                .execute();
        // Wake the sender once the transaction has committed (before it, the row is not visible).
        if (h.isInTransaction()) {
            h.afterCommit(wake::run);
        } else {
            wake.run();
        }
    }

    @Override
    public int waiting() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM mail_outbox")
                .mapTo(Integer.class)
                .one());
    }

    /** Claims up to {@code limit} mails due at {@code now}, in one transaction with {@code send} settling each. */
    int deliverDue(
            Instant now,
            int limit,
            Delivery send,
            java.util.function.IntFunction<java.time.Duration> backoff,
            int maxAttempts) {
        return jdbi.inTransaction(h -> {
            List<Queued> due = h.createQuery("""
                            SELECT id, recipient, subject, body, unsubscribe_url, unsubscribe_mail, attempts
                            FROM mail_outbox
                            WHERE given_up_at IS NULL AND next_attempt_at <= :now
                            ORDER BY next_attempt_at, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Queued(
                            rs.getLong("id"),
                            rs.getString("recipient"),
                            rs.getString("subject"),
                            rs.getString("body"),
                            rs.getString("unsubscribe_url"),
                            rs.getString("unsubscribe_mail"),
                            rs.getInt("attempts")))
                    .list();
            for (Queued q : due) {
                String error = send.send(q.mail());
                if (error == null) {
                    h.createUpdate("DELETE FROM mail_outbox WHERE id = :id")
                            .bind("id", q.id())
                            .execute();
                } else {
                    int attempts = q.attempts() + 1;
                    boolean giveUp = attempts >= maxAttempts;
                    h.createUpdate("""
                                    UPDATE mail_outbox SET attempts = :attempts, last_error = :error,
                                        next_attempt_at = :next,
                                        given_up_at = CASE WHEN :giveUp THEN :now ELSE NULL END
                                    WHERE id = :id""")
                            .bind("id", q.id())
                            .bind("attempts", attempts)
                            .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
                            .bind("next", now.plus(backoff.apply(attempts)).atOffset(ZoneOffset.UTC))
                            .bind("giveUp", giveUp)
                            .bind("now", now.atOffset(ZoneOffset.UTC))
                            .execute();
                }
            }
            return due.size();
        });
    }

    /** Sends one mail; {@code null} when the server took it, else why not. */
    interface Delivery {
        String send(OutgoingMail mail);
    }
}
