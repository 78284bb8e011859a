package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.commonground.participation.VoteStore.Cast;
import org.commonground.participation.VoteStore.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The queueing of group commit, apart from the database: the batch writer given to the box is a
 * plain function that records what it was handed (the SQL side is in ParticipationStoreContract).
 */
class BallotBoxTest {
    private final ConcurrentLinkedQueue<List<Long>> batches = new ConcurrentLinkedQueue<>();

    @Test
    void aLoneCastIsWrittenAtOnceInABatchOfItsOwn() {
        BallotBox box = new BallotBox(recording(casts -> {}), 2);

        Outcome o = box.submit(cast(1));

        assertThat(o.participantId()).isEqualTo(1);
        assertThat(batches).containsExactly(List.of(1L));
    }

    @Test
    void castsArrivingWhileABatchIsBeingWrittenShareTheNextOne() throws Exception {
        BlockedFirstBatch blocked = new BlockedFirstBatch();
        BallotBox box = new BallotBox(recording(blocked::pass), 1);

        List<Object> outcomes = blocked.submitBehindTheFirst(box, 10);

        assertThat(outcomes).hasSize(11).allMatch(o -> o instanceof Outcome out && out.castAt() != null);
        assertThat(batches).hasSize(2);
        assertThat(batches).first().isEqualTo(List.of(0L));
        assertThat(batches).last().asList().hasSize(10);
    }

    @Test
    void aFailingBatchIsRetriedCastByCastSoOnlyTheBadCastFails() throws Exception {
        BlockedFirstBatch blocked = new BlockedFirstBatch();
        BallotBox box = new BallotBox(
                recording(casts -> {
                    blocked.pass(casts);
                    if (casts.stream().anyMatch(c -> c.statementId() == 3)) {
                        throw new IllegalStateException("statement 3 breaks its batch");
                    }
                }),
                1);

        List<Object> outcomes = blocked.submitBehindTheFirst(box, 5);

        assertThat(outcomes).filteredOn(o -> o instanceof Outcome).hasSize(5);
        assertThat(outcomes.get(3))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("statement 3");
        // The five queued in whatever order their threads ran; the retry keeps the batch's order.
        List<List<Long>> written = List.copyOf(batches);
        assertThat(written)
                .as("the first batch, the five that failed together, then each alone")
                .hasSize(7);
        assertThat(written.get(0)).containsExactly(0L);
        assertThat(written.get(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(written.subList(2, 7))
                .containsExactlyElementsOf(written.get(1).stream().map(List::of).toList());
    }

    /**
     * Holds the batch of statement 0 in the writer until the given number of further casts have
     * queued behind it, so that those are sure to share one batch.
     */
    private static final class BlockedFirstBatch {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        void pass(List<Cast> casts) {
            if (casts.getFirst().statementId() == 0) {
                started.countDown();
                await(release);
            }
        }

        /** Statement 0, then statements 1..n; each outcome or the exception it failed with, by statement. */
        List<Object> submitBehindTheFirst(BallotBox box, int n) throws Exception {
            List<Future<Outcome>> futures = new ArrayList<>();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                futures.add(callers.submit(() -> box.submit(cast(0))));
                await(started);
                for (long s = 1; s <= n; s++) {
                    long statement = s;
                    futures.add(callers.submit(() -> box.submit(cast(statement))));
                }
                awaitQueued(box, n);
                release.countDown();
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        }
    }

    @Test
    void theCallerGetsTheWritersOwnException() {
        BallotBox box = new BallotBox(
                casts -> {
                    throw new IllegalArgumentException("refused by the writer");
                },
                1);

        assertThatThrownBy(() -> box.submit(cast(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused by the writer");
    }

    @Test
    void anErrorInTheWriterFailsItsCallersInsteadOfLeavingThemWaitingAndTheBoxGoesOn() {
        BallotBox box = new BallotBox(
                recording(casts -> {
                    if (casts.getFirst().statementId() == 7) {
                        throw new StackOverflowError("deep trouble");
                    }
                }),
                1);

        assertThatThrownBy(() -> box.submit(cast(7)))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(StackOverflowError.class);
        assertThat(box.submit(cast(8)).castAt()).isNotNull();
    }

    @Test
    void refusesAnEmptyWriterPool() {
        assertThatThrownBy(() -> new BallotBox(casts -> List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A writer that records each batch's statement ids and "records" every cast whose check passes. */
    private Function<List<Cast>, List<Outcome>> recording(Consumer<List<Cast>> check) {
        return casts -> {
            batches.add(casts.stream().map(Cast::statementId).toList());
            check.accept(casts);
            return casts.stream()
                    .map(c -> new Outcome("open", 1L, 1L, "accepted", c.statementId(), Instant.EPOCH))
                    .toList();
        };
    }

    private static Cast cast(long statement) {
        return new Cast(1, "hash", statement, (short) 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitQueued(BallotBox box, int n) throws InterruptedException {
        assertThat(eventually(Duration.ofSeconds(10), box::queued, queued -> queued >= n))
                .as("%d casts queued in time", n)
                .isGreaterThanOrEqualTo(n);
    }
}
