package org.commonground.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs loops over primitive index ranges on a fixed number of chunks. The chunk boundaries depend
 * only on the size of the loop, never on the number of threads, and partial sums are combined in
 * chunk order: results are bit-for-bit the same whatever the scheduling or the thread count.
 */
final class Parallel implements AutoCloseable {
    /** Enough chunks to balance two to a few dozen cores; few enough that per-chunk accumulators stay small. */
    static final int MAX_CHUNKS = 32;

    private static final int MIN_CHUNK = 512;

    interface Body {
        void run(int chunk, int from, int to);
    }

    private final ForkJoinPool pool;
    private final int threads;

    Parallel(int threads) {
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.pool = this.threads > 1 ? new ForkJoinPool(this.threads) : null;
    }

    int threads() {
        return threads;
    }

    static int chunks(int n) {
        return Math.max(1, Math.min(MAX_CHUNKS, n / MIN_CHUNK));
    }

    static int from(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }

    /** Runs body on chunks(n) chunks of [0, n). */
    void forEach(int n, Body body) {
        forEach(n, chunks(n), body);
    }

    void forEach(int n, int chunks, Body body) {
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, from(n, chunks, c), from(n, chunks, c + 1));
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            tasks.add(() -> {
                body.run(chunk, from(n, chunks, chunk), from(n, chunks, chunk + 1));
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Adds per-chunk partial sums into the first, in chunk order, so rounding never depends on timing. */
    static double[] sumInOrder(double[][] partials) {
        double[] total = partials[0];
        for (int c = 1; c < partials.length; c++) {
            double[] part = partials[c];
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    static int[] sumInOrder(int[][] partials) {
        int[] total = partials[0];
        for (int c = 1; c < partials.length; c++) {
            int[] part = partials[c];
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
