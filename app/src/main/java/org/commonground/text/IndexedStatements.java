package org.commonground.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.commonground.statement.StatementEvents;
import org.commonground.text.TextStore.StatementTexts;
import org.commonground.text.TextStore.Watermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the database. At start it reads every statement; after that it is
 * told of each write, decision and translation ({@link StatementEvents}), and before answering a
 * query it picks up rows written by paths that tell nobody (organizer seeds, the demo, Pol.is
 * imports, machine translation jobs): statements and translations with ids beyond the newest it
 * has read, two max-id lookups on primary keys when nothing is new. Writes to the index happen under one
 * lock, each reading its rows from the database inside it, so a slower, older read never
 * overwrites a newer one.
 */
final class IndexedStatements implements StatementEvents {
    private static final Logger log = LoggerFactory.getLogger(IndexedStatements.class);
    private static final int BATCH = 2000;
    private static final long EVENT_WAIT_MILLIS = 50;
    private static final long QUERY_WAIT_MILLIS = 200;

    private final TextStore store;
    private final StatementIndex index;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile Watermark read = new Watermark(0, 0);
    /** Statements whose event could not be applied; retried with the next query. */
    private final Set<Long> retry = java.util.concurrent.ConcurrentHashMap.newKeySet();

    IndexedStatements(TextStore store, StatementIndex index) {
        this.store = store;
        this.index = index;
    }

    StatementIndex index() {
        return index;
    }

    @Override
    public void changed(long conversationId, long statementId) {
        // Never fail or hold up the write that told us: while the index is being read at start,
        // or on any error, the statement waits for the next query's catch-up.
        retry.add(statementId);
        try {
            if (writing.tryLock(EVENT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                try {
                    retry.remove(statementId);
                    apply(List.of(statementId));
                } finally {
                    writing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            retry.add(statementId);
            log.warn("statement {} not reindexed yet: {}", statementId, e.toString());
        }
    }

    /**
     * Reads whatever was written since the last call; cheap when nothing was. While another
     * thread reads (the first read at start can take seconds for large databases) a query waits
     * a little and then answers from the index as it is.
     */
    void catchUp() {
        Watermark now = store.watermark();
        if (now.equals(read) && retry.isEmpty()) {
            return;
        }
        try {
            if (!writing.tryLock(QUERY_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Watermark from = read;
            long after = from.statement();
            while (after < now.statement()) {
                List<StatementTexts> batch = store.statementsAfter(after, now.statement(), BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                index.putUnseen(batch);
                after = batch.get(batch.size() - 1).id();
            }
            index.publish();
            Set<Long> again = new HashSet<>(retry);
            if (now.translation() > from.translation()) {
                again.addAll(store.translatedBetween(from.translation(), now.translation()));
            }
            retry.removeAll(again);
            apply(again);
            if (now.statement() > read.statement() || now.translation() > read.translation()) {
                read = new Watermark(
                        Math.max(now.statement(), read.statement()), Math.max(now.translation(), read.translation()));
            }
        } finally {
            writing.unlock();
        }
    }

    private void apply(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<StatementTexts> found = store.statements(ids);
        index.put(found);
        List<Long> gone = new ArrayList<>(ids);
        found.forEach(s -> gone.remove(Long.valueOf(s.id())));
        if (!gone.isEmpty()) {
            index.remove(gone);
        }
    }
}
