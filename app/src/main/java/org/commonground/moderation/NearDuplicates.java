package org.commonground.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Statements alike the queue's, within and across languages (through translations): how the
 * moderation queue hears of the text feature's near-duplicate check, which sits above it.
 */
public interface NearDuplicates {

    /** Another statement alike one of the queue's; {@code score} in [0, 1], at or above the duplicate threshold. */
    record Near(long statementId, double score) {}

    /**
     * For each of {@code statementIds} (of the conversation), the other pending or accepted
     * statements of the conversation alike it in any of its texts, best first; absent when none.
     */
    Map<Long, List<Near>> of(long conversationId, Collection<Long> statementIds);

    /** Where no text feature is wired: nothing is alike. */
    NearDuplicates NONE = (conversationId, statementIds) -> Map.of();
}
