package org.commonground.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.moderation.NearDuplicates;
import org.commonground.text.StatementIndex.Hit;
import org.commonground.text.StatementIndex.IndexedStatement;
import org.commonground.web.Language;

/**
 * Near-duplicates of statements already indexed, for the moderators' queue: each statement is
 * checked with every text it has (its original and each translation), so a Korean statement finds
 * a Japanese one through either's translation. The same check and threshold as the author's
 * "similar statements already exist" (docs/text.md), over pending and accepted statements.
 */
final class AlikeStatements implements NearDuplicates {
    private static final Set<String> LIVE = Set.of("pending", "accepted");
    /** Alike statements kept per statement: a cluster bigger than this is a topic, not a duplicate. */
    private static final int PER_STATEMENT = 10;

    private final IndexedStatements indexed;

    AlikeStatements(IndexedStatements indexed) {
        this.indexed = indexed;
    }

    @Override
    public Map<Long, List<Near>> of(long conversationId, Collection<Long> statementIds) {
        indexed.catchUp();
        StatementIndex index = indexed.index();
        Map<Long, List<Near>> out = new HashMap<>();
        for (long id : statementIds) {
            IndexedStatement e = index.entry(id).orElse(null);
            if (e == null || e.conversationId() != conversationId) {
                continue;
            }
            Map<Long, Double> best = new HashMap<>();
            for (Map.Entry<Language, Likeness.Features> text : e.features().entrySet()) {
                List<Hit> hits = index.similar(
                        conversationId,
                        LIVE,
                        text.getKey(),
                        text.getValue(),
                        StatementSearch.CANDIDATES,
                        Likeness.DUPLICATE,
                        PER_STATEMENT + 1);
                for (Hit h : hits) {
                    if (h.entry().id() != id) {
                        best.merge(h.entry().id(), h.score(), Math::max);
                    }
                }
            }
            if (!best.isEmpty()) {
                List<Near> near = new ArrayList<>();
                best.forEach((other, score) -> near.add(new Near(other, Math.round(score * 1000) / 1000.0)));
                near.sort(Comparator.comparingDouble(Near::score).reversed().thenComparingLong(Near::statementId));
                out.put(id, near.size() > PER_STATEMENT ? List.copyOf(near.subList(0, PER_STATEMENT)) : near);
            }
        }
        return out;
    }
}
