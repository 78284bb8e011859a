package org.commonground.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.Projection;
import org.commonground.analysis.VoteMatrix;
import org.commonground.participation.Extremity;
import org.commonground.participation.VoteListener;
import org.commonground.problem.Unavailable;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the analysis of every conversation in use up to date while votes arrive.
 *
 * <p>Each conversation's vote history is loaded from the database on first use and then kept in
 * memory; committed votes are appended as they are reported ({@link #committed}). Recomputation
 * runs on a bounded pool ({@code threads} workers, each analysis single-threaded, so the analysis
 * never takes more than that many cores from the web server), warm-started from the previous
 * result. A conversation has at most one computation queued or running: votes arriving meanwhile
 * only mark it dirty, and the next computation takes them all (coalescing), so under any vote rate
 * a result is at most about two computation times older than the latest vote.
 *
 * <p>Statements' moderation states and participants' cohort values are re-read from the database
 * at each computation (they are small). A moderation decision is noticed by the next read of the
 * results (see {@link #latest}); a change of an existing participant's cohort waits for the next vote.
 */
public final class LiveAnalysis implements Results, VoteListener, Extremity, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveAnalysis.class);
    /** How often a read may check whether moderation changed the statements in the math. */
    private static final long MODERATION_CHECK_NANOS = Duration.ofSeconds(2).toNanos();
    /**
     * Least time from the start of one computation of a conversation to the start of the next: one
     * second, or three times the last computation when that is longer. Under a steady stream of
     * votes this keeps a conversation's analysis to at most a third of a core (measured: continuous
     * recomputation took more CPU per vote than serving the vote itself), while a result stays at
     * most about this long plus one computation behind the latest vote.
     */
    private static final long MIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private static final int PACE_FACTOR = 3;
    /**
     * How long the convergence windows of one computation are carried into the next. They are most
     * of a warm-started computation's cost (measured: 0.21 s with, 0.06 s without, at 1.78 M votes)
     * and describe months, so refreshing them twice a minute keeps every other figure fresher.
     */
    private static final long CONVERGENCE_REFRESH_NANOS = Duration.ofSeconds(30).toNanos();
    /**
     * Bridging sweeps per computation. The fit continues from the previous result's, so it reaches
     * the same convergence over a few paced computations; one computation no longer waits for all of
     * it. Measured on 3,000 × 200 random votes: a cold fit takes 555 sweeps (2.2 s), 92 % of the
     * computation; with this budget a computation under 10,000 votes/s stays well under a second.
     */
    static final int BRIDGING_SWEEPS_PER_RUN = 50;
    /** Computations in a row without a new vote that may continue a fit: 2,000 sweeps in all, the CLI's limit. */
    private static final int MAX_CONTINUATIONS = 2_000 / BRIDGING_SWEEPS_PER_RUN;
    /** Conversations untouched (no vote, no read) this long leave memory; they reload on next use. */
    private static final Duration EVICT_AFTER = Duration.ofMinutes(30);

    private final AnalysisSource store;
    private final AnalysisOptions options;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService sweeper;
    private final Clock clock;
    private final Duration firstResultWait;
    private final ConcurrentHashMap<Long, Live> conversations = new ConcurrentHashMap<>();
    /** Conversations whose computation the saturated pool refused; retried as workers free up. */
    private final ArrayDeque<Live> deferred = new ArrayDeque<>();

    /**
     * @param threads         workers of the pool, ≥ 1
     * @param queued          computations that may wait for a worker before the pool counts as saturated, ≥ 0
     * @param firstResultWait how long a reader waits for a conversation's first result before a 503
     */
    public LiveAnalysis(Jdbi jdbi, int threads, int queued, Duration firstResultWait, Clock clock) {
        this(jdbi, threads, queued, firstResultWait, clock, BRIDGING_SWEEPS_PER_RUN);
    }

    /** @param bridgingSweeps bridging sweeps per computation (tests make interim fits with a small one) */
    LiveAnalysis(Jdbi jdbi, int threads, int queued, Duration firstResultWait, Clock clock, int bridgingSweeps) {
        this.store = new AnalysisSource(jdbi);
        this.options = AnalysisOptions.defaults().withThreads(1).withBridgingSweeps(bridgingSweeps);
        this.clock = clock;
        this.firstResultWait = firstResultWait;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                queued == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queued),
                r -> daemon(r, "analysis-" + n.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "analysis-sweeper"));
        sweeper.scheduleWithFixedDelay(this::evictIdle, 1, 1, TimeUnit.MINUTES);
    }

    /** The server's instance: a pool of {@code threads} workers with as many queue places. */
    public static LiveAnalysis forServer(Jdbi jdbi, int threads) {
        return new LiveAnalysis(jdbi, threads, Math.max(4, 2 * threads), Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** Takes a vote committed to the database into the matrix; cheap, never blocks on the analysis. */
    @Override
    public void committed(long conversationId, long participantId, long statementId, int value, Instant castAt) {
        Live c = live(conversationId);
        synchronized (c) {
            if (c.log.addReported(participantId, statementId, value, castAt.toEpochMilli())) {
                c.continuations = 0;
                schedule(c);
            }
        }
    }

    /** Asks for a recomputation after a change other than a vote (moderation, cohorts). */
    public void changed(long conversationId) {
        Live c = conversations.get(conversationId);
        if (c != null) {
            synchronized (c) {
                schedule(c);
            }
        }
    }

    /**
     * Forgets the votes of the conversation kept in memory and reads them again from the database
     * at the next computation, which this asks for: after votes were deleted (a participant's
     * erasure of their data), which no vote report tells. The latest result is still served until
     * the recomputation replaces it.
     */
    public void reload(long conversationId) {
        Live c = live(conversationId);
        synchronized (c) {
            c.log = new VoteLog();
            c.loaded = false;
            c.generation++;
            c.continuations = 0;
            schedule(c);
        }
    }

    @Override
    public Optional<LatestResult> latest(long conversationId) {
        Live c = live(conversationId);
        LatestResult latest = c.latest;
        if (latest == null || moderated(c)) {
            synchronized (c) {
                if (!c.scheduled) {
                    schedule(c);
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Whether moderation changed the statements in the math since the latest computation: no vote
     * reports that, so readers check, at most every two seconds per conversation.
     */
    private boolean moderated(Live c) {
        long now = nanos();
        synchronized (c) {
            if (c.scheduled || now - c.moderationCheckedAt < MODERATION_CHECK_NANOS) {
                return false;
            }
            c.moderationCheckedAt = now;
        }
        return !Arrays.equals(AnalysisInput.statementsInMath(store, c.id), c.inMath);
    }

    @Override
    public LatestResult latestOrWait(long conversationId) {
        Live c = live(conversationId);
        LatestResult latest = latest(conversationId).orElse(null);
        if (latest != null) {
            return latest;
        }
        long deadline = nanos() + firstResultWait.toNanos();
        synchronized (c) {
            while (c.latest == null) {
                if (c.refused) {
                    throw new Unavailable("analysis-busy", "problem.analysis-busy");
                }
                long left = deadline - nanos();
                if (left <= 0) {
                    throw new Unavailable("results-pending", "problem.results-pending");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(c, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unavailable("results-pending", "problem.results-pending");
                }
            }
            return c.latest;
        }
    }

    /**
     * Pol.is's extremity E of a statement in the latest result: its distance from the centre of the
     * opinion map (where a lone agree with it lands), i.e. how much voting on it tells apart. 1.0,
     * the routing's neutral value, until the statement is in a result; the first request for a
     * conversation not in memory starts its analysis.
     */
    @Override
    public double of(long conversationId, long statementId) {
        Live c = conversations.get(conversationId);
        LatestResult latest = c == null ? latest(conversationId).orElse(null) : c.latest;
        if (latest == null) {
            return 1.0;
        }
        Projection statements = latest.result().statementProjection();
        return statements.of(statementId).map(p -> Math.hypot(p.x(), p.y())).orElse(1.0);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * Now in nanoseconds, from the one time source this class has: its clock (a test's clock
     * moves when the test says). Paces recomputations, waits and evictions; differences only.
     */
    private long nanos() {
        Instant now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private Live live(long conversationId) {
        Live c = conversations.computeIfAbsent(conversationId, id -> new Live(id, nanos()));
        c.lastUsed = nanos();
        return c;
    }

    /** Marks the conversation dirty and makes sure a computation will pick it up. Holds c's lock. */
    private void schedule(Live c) {
        c.dirty = true;
        if (c.scheduled) {
            return;
        }
        try {
            pool.execute(() -> compute(c));
            c.scheduled = true;
            c.refused = false;
        } catch (RejectedExecutionException e) {
            if (!c.refused) {
                c.refused = true;
                synchronized (deferred) {
                    deferred.add(c);
                }
            }
        }
    }

    private void compute(Live c) {
        long startedAt = nanos();
        try {
            if (!c.loaded && !load(c)) {
                return; // reloaded meanwhile: still dirty, so computed again (paced) from the new load
            }
            long[] inMath = AnalysisInput.statementsInMath(store, c.id);
            Cohorts cohorts = AnalysisInput.cohorts(store, c.id);
            VoteLog.Entries snapshot;
            LatestResult previous;
            synchronized (c) {
                if (!c.loaded) {
                    return; // reloaded since the load above: the next computation loads again
                }
                c.dirty = false;
                snapshot = c.log.snapshot();
                previous = c.latest;
                c.inMath = inMath;
            }
            long started = nanos();
            VoteMatrix matrix = snapshot.matrix(inMath);
            double buildSeconds = (nanos() - started) / 1e9;
            boolean windows = previous == null || started - c.convergenceAt >= CONVERGENCE_REFRESH_NANOS;
            AnalysisResult result = Analysis.run(
                    matrix,
                    cohorts,
                    windows ? options : options.withConvergence(false),
                    previous == null ? null : previous.result());
            if (windows) {
                c.convergenceAt = started;
            } else {
                result = result.withConvergence(previous.result().convergence());
            }
            LatestResult latest = new LatestResult(
                    c.id,
                    result,
                    clock.instant(),
                    snapshot.size(),
                    buildSeconds,
                    snapshot.firstVotes(),
                    () -> store.pseudonyms(c.id));
            synchronized (c) {
                c.latest = latest;
                // An interim bridging fit: compute again (paced, like a new vote) to continue it, but
                // without new votes no longer than the CLI's sweep limit allows one fit.
                if (!result.mapState().bridgingConverged() && c.continuations < MAX_CONTINUATIONS) {
                    c.continuations++;
                    c.dirty = true;
                }
                c.notifyAll();
            }
        } catch (RuntimeException e) {
            log.warn("Analysis of conversation {} failed; it is retried on the next vote or read", c.id, e);
            synchronized (c) {
                c.dirty = false;
            }
        } finally {
            long took = nanos() - startedAt;
            long pause = Math.max(MIN_INTERVAL_NANOS, PACE_FACTOR * took) - took;
            synchronized (c) {
                if (c.dirty && pause > 0) {
                    // Still counted as scheduled, so votes arriving meanwhile only mark it dirty and
                    // the paced run takes them all.
                    sweeper.schedule(
                            () -> {
                                synchronized (c) {
                                    c.scheduled = false;
                                    schedule(c);
                                }
                            },
                            pause,
                            TimeUnit.NANOSECONDS);
                } else {
                    c.scheduled = false;
                    if (c.dirty) {
                        schedule(c);
                    }
                }
            }
            retryDeferred();
        }
    }

    /**
     * Loads the history from the database; votes reported meanwhile were kept and are merged.
     * False, leaving the conversation unloaded, when a {@link #reload} came while reading: the
     * history read may then hold votes deleted since.
     */
    private boolean load(Live c) {
        long generation;
        synchronized (c) {
            generation = c.generation;
        }
        VoteLog history = AnalysisInput.history(store, c.id);
        synchronized (c) {
            if (c.generation != generation) {
                return false;
            }
            c.log = history.followedBy(c.log);
            c.loaded = true;
            return true;
        }
    }

    private void retryDeferred() {
        while (true) {
            Live c;
            synchronized (deferred) {
                c = deferred.poll();
            }
            if (c == null) {
                return;
            }
            synchronized (c) {
                c.refused = false;
                schedule(c);
                if (c.refused) {
                    return;
                }
            }
        }
    }

    private void evictIdle() {
        long now = nanos();
        List<Live> idle = conversations.values().stream()
                .filter(c -> now - c.lastUsed > EVICT_AFTER.toNanos())
                .toList();
        for (Live c : idle) {
            synchronized (c) {
                if (!c.scheduled && !c.dirty) {
                    conversations.remove(c.id, c);
                }
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One conversation in memory. Fields other than the volatile ones are guarded by the instance. */
    private static final class Live {
        final long id;
        VoteLog log = new VoteLog();
        boolean loaded;
        /** Counts {@link #reload}s: a load begun before one is discarded. */
        long generation;

        boolean scheduled;
        boolean dirty;
        /** The pool refused the last computation; the conversation waits in {@code deferred}. */
        boolean refused;
        /** Computations since the last vote that only continued an interim bridging fit. */
        int continuations;
        /** The statements in the math of the latest computation, sorted. */
        long[] inMath = new long[0];

        long moderationCheckedAt;
        /** When the convergence windows were last computed ({@link #nanos}); only the computing worker touches it. */
        long convergenceAt;

        volatile LatestResult latest;
        volatile long lastUsed;

        Live(long id, long now) {
            this.id = id;
            this.moderationCheckedAt = now;
        }
    }
}
