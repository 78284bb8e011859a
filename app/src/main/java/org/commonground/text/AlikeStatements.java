package org.commonground.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commonground.moderation.NearDuplicates;
import org.commonground.text.StatementIndex.Hit;
import org.commonground.text.StatementIndex.IndexedStatement;
import org.commonground.web.Language;

/**
 * Near-duplicates of statements already indexed, for the moderators' queue: each statement is
 * checked with every text it has (its original and each translation), so a Korean statement finds
 * a Japanese one through either's translation. The same check and threshold as the author's
 * "similar statements already exist" (docs/text.md), over pending and accepted statements.
 *
 * <p>What each statement is alike is kept between queries, so that the whole queue can be
 * clustered without checking every statement again: when the index puts or removes a statement,
 * its kept list and every list naming it are dropped, and before the next query of its
 * conversation it is checked again and the statements it is now alike are dropped too (so that
 * they, checked again, name it). A statement is checked once, then only when it or its
 * neighbourhood changes.
 */
final class AlikeStatements implements NearDuplicates {
    private static final Set<String> LIVE = Set.of("pending", "accepted");
    /** Alike statements kept per statement: a cluster bigger than this is a topic, not a duplicate. */
    private static final int PER_STATEMENT = 10;

    private final IndexedStatements indexed;
    /** What each statement is alike, as last checked. */
    private final Map<Long, List<Near>> kept = new ConcurrentHashMap<>();
    /** Statements put or removed since their conversation was last asked about, by conversation (0: removed). */
    private final Map<Long, Long> changed = new ConcurrentHashMap<>();

    AlikeStatements(IndexedStatements indexed) {
        this.indexed = indexed;
        indexed.index().tell(this::changed);
    }

    private void changed(Collection<Long> statementIds) {
        StatementIndex index = indexed.index();
        for (long id : statementIds) {
            changed.put(
                    id, index.entry(id).map(IndexedStatement::conversationId).orElse(0L));
        }
    }

    @Override
    public Map<Long, List<Near>> of(long conversationId, Collection<Long> statementIds) {
        indexed.catchUp();
        settle(conversationId);
        StatementIndex index = indexed.index();
        Map<Long, List<Near>> out = new HashMap<>();
        for (long id : statementIds) {
            IndexedStatement e = index.entry(id).orElse(null);
            if (e != null && e.conversationId() == conversationId) {
                List<Near> near = kept(index, e);
                if (!near.isEmpty()) {
                    out.put(id, near);
                }
            }
        }
        return out;
    }

    @Override
    public Map<Long, List<Near>> ofAll(long conversationId, Set<String> states) {
        indexed.catchUp();
        settle(conversationId);
        StatementIndex index = indexed.index();
        Map<Long, List<Near>> out = new HashMap<>();
        for (IndexedStatement e : index.statements(conversationId, states)) {
            List<Near> near = kept(index, e);
            if (!near.isEmpty()) {
                out.put(e.id(), near);
            }
        }
        return out;
    }

    private List<Near> kept(StatementIndex index, IndexedStatement e) {
        List<Near> near = kept.get(e.id());
        if (near == null) {
            near = check(index, e);
            kept.put(e.id(), near);
        }
        return near;
    }

    /**
     * Brings the kept lists of the conversation up to date with what the index was told since:
     * drops the changed statements' lists and those naming them, checks the changed statements
     * again and drops the lists of the statements they are now alike.
     */
    private synchronized void settle(long conversationId) {
        Set<Long> ids = new HashSet<>();
        changed.forEach((id, conversation) -> {
            if (conversation == conversationId || conversation == 0L) {
                ids.add(id);
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(changed::remove);
        kept.keySet().removeAll(ids);
        kept.values().removeIf(list -> list.stream().anyMatch(n -> ids.contains(n.statementId())));
        StatementIndex index = indexed.index();
        for (long id : ids) {
            IndexedStatement e = index.entry(id).orElse(null);
            if (e != null && LIVE.contains(e.state())) {
                List<Near> near = check(index, e);
                kept.put(id, near);
                near.forEach(n -> kept.remove(n.statementId()));
            }
        }
    }

    private static List<Near> check(StatementIndex index, IndexedStatement e) {
        Map<Long, Double> best = new HashMap<>();
        for (Map.Entry<Language, Likeness.Features> text : e.features().entrySet()) {
            List<Hit> hits = index.similar(
                    e.conversationId(),
                    LIVE,
                    text.getKey(),
                    text.getValue(),
                    StatementSearch.CANDIDATES,
                    Likeness.DUPLICATE,
                    PER_STATEMENT + 1);
            for (Hit h : hits) {
                if (h.entry().id() != e.id()) {
                    best.merge(h.entry().id(), h.score(), Math::max);
                }
            }
        }
        if (best.isEmpty()) {
            return List.of();
        }
        List<Near> near = new ArrayList<>();
        best.forEach((other, score) -> near.add(new Near(other, Math.round(score * 1000) / 1000.0)));
        near.sort(Comparator.comparingDouble(Near::score).reversed().thenComparingLong(Near::statementId));
        return List.copyOf(near.size() > PER_STATEMENT ? near.subList(0, PER_STATEMENT) : near);
    }
}
