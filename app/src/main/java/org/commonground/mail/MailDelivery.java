package org.commonground.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender: delivers the outbox's due mail on one thread, when woken by a new mail
 * and every few seconds for retries. A failed mail is retried after 1, 2, 4 … minutes by the
 * injected clock (at most an hour apart) and given up after {@link #MAX_ATTEMPTS}; requests never
 * wait for SMTP.
 */
final class MailDelivery implements AutoCloseable {
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 20;
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxStore outbox;
    private final OutboxStore.Delivery transport;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-delivery");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    MailDelivery(OutboxStore outbox, OutboxStore.Delivery transport, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
    }

    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(6, Math.max(0, attempts - 1));
        return Duration.ofMinutes(Math.min(60, minutes));
    }

    void start() {
        started = true;
        thread.scheduleWithFixedDelay(this::deliverSafely, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Delivers now what is due (a new mail was queued, or the clock moved). */
    void wake() {
        if (started && !thread.isShutdown()) {
            try {
                thread.execute(this::deliverSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the server is stopping: the mail stays in the outbox for the next start
            }
        }
    }

    /** Delivers what is due now on the caller's thread (alongside the sender's: rows are claimed with SKIP LOCKED). */
    void deliverHere() {
        deliverSafely();
    }

    private void deliverSafely() {
        try {
            while (outbox.deliverDue(clock.instant(), BATCH, transport, MailDelivery::backoff, MAX_ATTEMPTS) == BATCH) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            LOG.warn("mail delivery failed, retrying later: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
