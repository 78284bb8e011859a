package org.commonground.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The same for every statement of the conversation in one of {@code states} (the whole queue),
     * answered from what the text feature keeps of earlier checks, so only statements written or
     * changed since are checked again.
     */
    Map<Long, List<Near>> ofAll(long conversationId, Set<String> states);

    /** Where no text feature is wired: nothing is alike. */
    NearDuplicates NONE = new NearDuplicates() {
        @Override
        public Map<Long, List<Near>> of(long conversationId, Collection<Long> statementIds) {
            return Map.of();
        }

        @Override
        public Map<Long, List<Near>> ofAll(long conversationId, Set<String> states) {
            return Map.of();
        }
    };
}
