package org.commonground.translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.commonground.web.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the machine translation queue: one virtual thread sweeps for what needs translating, a
 * few (the settings' {@code workers}) lease batches of jobs and send them to the service within
 * its rate limit. A failure puts the batch back with a backoff (the service's Retry-After when it
 * gave one); a rejected request or too many attempts gives the job up. Nothing here holds a
 * database transaction open while a service answers.
 */
final class TranslationQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranslationQueue.class);
    static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final Duration QUOTA_WAIT = Duration.ofHours(1);
    /** The longest a worker waits for the rate limit while holding a batch; longer, it puts the batch back. */
    static final Duration HOLD_AT_MOST = Duration.ofSeconds(2);
    /** How often the sweeper looks for new statements; the full sweep catches what a partial one missed. */
    static final Duration SWEEP_EVERY = Duration.ofMillis(500);

    static final int FULL_SWEEP_EVERY = 600;
    static final int TEXT_SWEEP_EVERY = 10;
    /** A partial sweep looks back this far, for transactions that committed after an earlier sweep began. */
    static final Duration SWEEP_OVERLAP = Duration.ofMinutes(1);

    private final TranslationJobStore jobs;
    private final GlossaryStore glossaries;
    private final MachineTranslator translator;
    private final MachineTranslationSettings settings;
    private final Clock clock;
    private final BiPredicate<String, String> namedCohortValue;
    private final RateLimit rate;
    private final Duration lease;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean fullSweepWanted = true;

    TranslationQueue(
            TranslationJobStore jobs,
            GlossaryStore glossaries,
            MachineTranslator translator,
            MachineTranslationSettings settings,
            Clock clock,
            BiPredicate<String, String> namedCohortValue) {
        this.jobs = jobs;
        this.glossaries = glossaries;
        this.translator = translator;
        this.settings = settings;
        this.clock = clock;
        this.namedCohortValue = namedCohortValue;
        this.rate = new RateLimit(clock, settings.requestsPerSecond());
        this.lease = settings.timeout().multipliedBy(2).plusSeconds(60);
    }

    void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        threads.add(Thread.ofVirtual().name("mt-sweep").start(this::sweepLoop));
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("mt-worker-" + i).start(this::workLoop));
        }
    }

    /** Something may need translating now (a conversation turned machine translation on). */
    void wake() {
        fullSweepWanted = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void sweepLoop() {
        OffsetDateTime watermark = null;
        int sweeps = 0;
        while (running.get()) {
            try {
                boolean full = fullSweepWanted || watermark == null || sweeps % FULL_SWEEP_EVERY == 0;
                fullSweepWanted = false;
                OffsetDateTime since = full ? null : watermark.minus(SWEEP_OVERLAP);
                // Conversation texts and cohort values change rarely: looked at every few seconds.
                boolean texts = full || sweeps % TEXT_SWEEP_EVERY == 0;
                watermark = jobs.sweep(since, texts, clock.instant(), namedCohortValue);
                sweeps++;
                synchronized (signal) {
                    signal.notifyAll();
                    if (running.get() && !fullSweepWanted) {
                        signal.wait(SWEEP_EVERY.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Machine translation sweep failed; trying again", e);
                idle(SWEEP_EVERY.multipliedBy(4));
            }
        }
    }

    private void workLoop() {
        while (running.get()) {
            try {
                Instant now = clock.instant();
                List<TranslationJobStore.Job> batch = jobs.lease(now, now.plus(lease), translator.batchSize());
                if (batch.isEmpty()) {
                    idle(Duration.ofSeconds(1));
                } else {
                    process(batch);
                }
            } catch (RuntimeException e) {
                LOG.warn("Machine translation worker failed; trying again", e);
                idle(Duration.ofSeconds(1));
            }
        }
    }

    private void idle(Duration atMost) {
        synchronized (signal) {
            try {
                if (running.get()) {
                    signal.wait(Math.max(1, atMost.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    private void process(List<TranslationJobStore.Job> batch) {
        TranslationJobStore.Job first = batch.getFirst();
        long conversation = first.conversationId();
        if (!jobs.enabled(conversation)) {
            jobs.release(batch, null, "machine translation turned off for the conversation", false);
            return;
        }
        long characters = batch.stream()
                .mapToLong(j -> j.sourceText().codePointCount(0, j.sourceText().length()))
                .sum();
        Instant now = clock.instant();
        if (!jobs.charge(conversation, now, characters, settings.monthlyCharacters())) {
            jobs.release(
                    batch,
                    nextMonth(now),
                    "monthly character budget of " + settings.monthlyCharacters() + " reached",
                    false);
            return;
        }
        Language from = Language.parse(first.sourceLang()).orElseThrow();
        Language into = Language.parse(first.targetLang()).orElseThrow();
        Glossary glossary = glossaries.of(conversation);
        try {
            for (Duration wait = rate.reserve(); !wait.isZero(); wait = rate.reserve()) {
                if (wait.compareTo(HOLD_AT_MOST) > 0) {
                    // A long pause (a 429's Retry-After) outlasts what a lease should be held for.
                    jobs.refund(conversation, now, characters);
                    jobs.release(batch, clock.instant().plus(wait), "waiting for the service's rate limit", false);
                    return;
                }
                idle(wait);
                if (!running.get()) {
                    throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, "stopping");
                }
            }
            List<String> out = translator.translate(
                    batch.stream().map(TranslationJobStore.Job::sourceText).toList(), from, into, glossary);
            if (out.stream().anyMatch(String::isBlank)) {
                throw new ServiceRefused(
                        ServiceRefused.Kind.UNAVAILABLE, null, "the service answered an empty translation");
            }
            jobs.complete(batch, out, translator.service(), clock.instant());
        } catch (ServiceRefused e) {
            jobs.refund(conversation, now, characters);
            retry(batch, e);
        } catch (RuntimeException e) {
            // Storing failed (or an adapter broke): put the batch back rather than leave it leased, and
            // give it up after MAX_ATTEMPTS so that one poisonous text cannot cycle for ever.
            LOG.warn("Machine translation batch failed", e);
            jobs.refund(conversation, now, characters);
            retry(batch, new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, e.toString()));
        }
    }

    private void retry(List<TranslationJobStore.Job> batch, ServiceRefused e) {
        Instant now = clock.instant();
        int attempts =
                batch.stream().mapToInt(TranslationJobStore.Job::attempts).max().orElse(1);
        Duration delay = switch (e.kind) {
            case QUOTA_EXCEEDED -> e.retryAfter != null ? e.retryAfter : QUOTA_WAIT;
            case RATE_LIMITED, UNAVAILABLE -> e.retryAfter != null ? e.retryAfter : backoff(attempts);
            case REJECTED -> null;
        };
        if (e.kind == ServiceRefused.Kind.RATE_LIMITED || e.kind == ServiceRefused.Kind.QUOTA_EXCEEDED) {
            rate.pauseUntil(now.plus(delay));
        }
        boolean giveUp = delay == null || (attempts >= MAX_ATTEMPTS && e.kind != ServiceRefused.Kind.QUOTA_EXCEEDED);
        if (giveUp) {
            LOG.warn(
                    "Machine translation gave up {} job(s) after {} attempt(s): {}",
                    batch.size(),
                    attempts,
                    e.getMessage());
        }
        jobs.release(
                batch,
                giveUp ? null : now.plus(delay),
                e.kind + ": " + e.getMessage(),
                e.kind != ServiceRefused.Kind.QUOTA_EXCEEDED);
    }

    /** 2 s, 4 s, 8 s … up to 15 minutes. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    static Instant nextMonth(Instant now) {
        return TranslationJobStore.month(now).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        running.set(false);
        synchronized (signal) {
            signal.notifyAll();
        }
        // Let a worker finish the request in hand (its results are stored, or its batch put back);
        // only one stuck beyond that is interrupted, and its lease expires for the next start.
        try {
            for (Thread t : threads) {
                if (!t.join(Duration.ofSeconds(5))) {
                    t.interrupt();
                }
            }
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }
}
