package org.commonground.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.commonground.participation.VoteStore.Cast;
import org.commonground.participation.VoteStore.Outcome;

/**
 * Group commit for votes: casts that arrive together share one statement, one transaction and
 * one WAL flush, which is most of what a vote costs PostgreSQL. A cast waits in a queue; up to
 * {@code writers} virtual threads each take whatever has queued (at most {@link #MAX_BATCH}),
 * write it, and wake its callers once it is committed. Nobody waits for a batch to fill: a lone
 * vote is written at once, and under load batches grow by themselves while the previous commit
 * flushes.
 *
 * <p>Writers exist only while there is work, so an idle box holds no thread and needs no closing.
 * A batch that fails is written again one cast at a time, so one bad vote cannot fail the votes
 * that happened to share its transaction.
 */
final class BallotBox {
    static final int MAX_BATCH = 256;

    private final Function<List<Cast>, List<Outcome>> write;
    private final int writers;
    private final ConcurrentLinkedQueue<Ballot> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger active = new AtomicInteger();

    /**
     * @param write   checks and records a batch in one transaction, returning one outcome per cast
     *                in the same order
     * @param writers how many batches may be in flight at once (1 or more)
     */
    BallotBox(Function<List<Cast>, List<Outcome>> write, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1: " + writers);
        }
        this.write = write;
        this.writers = writers;
    }

    /** Blocks until the cast is committed (or refused) and returns what the database found. */
    Outcome submit(Cast cast) {
        Ballot ballot = new Ballot(cast, new CompletableFuture<>());
        queue.add(ballot);
        if (claimWriter()) {
            Thread.ofVirtual().name("vote-writer").start(this::drain);
        }
        try {
            return ballot.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Casts waiting for a writer (counted one by one: for tests and gauges, not the hot path). */
    int queued() {
        return queue.size();
    }

    private record Ballot(Cast cast, CompletableFuture<Outcome> outcome) {}

    private boolean claimWriter() {
        for (int n = active.get(); n < writers; n = active.get()) {
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void drain() {
        while (true) {
            List<Ballot> batch = take();
            if (!batch.isEmpty()) {
                commit(batch);
                continue;
            }
            active.decrementAndGet();
            // A cast queued between take() and the decrement saw every writer busy and started none.
            if (queue.isEmpty() || !claimWriter()) {
                return;
            }
        }
    }

    private List<Ballot> take() {
        List<Ballot> batch = new ArrayList<>();
        for (Ballot b; batch.size() < MAX_BATCH && (b = queue.poll()) != null; ) {
            batch.add(b);
        }
        return batch;
    }

    private void commit(List<Ballot> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = write.apply(batch.stream().map(Ballot::cast).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().outcome().completeExceptionally(e);
                return;
            }
            batch.forEach(b -> commit(List.of(b)));
            return;
        } catch (Error e) {
            // Nobody may wait forever: the callers fail, and the writer goes on with the next batch.
            batch.forEach(
                    b -> b.outcome().completeExceptionally(new IllegalStateException("the vote writer failed", e)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }
}
