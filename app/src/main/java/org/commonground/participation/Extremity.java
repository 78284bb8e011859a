package org.commonground.participation;

/**
 * How far a statement sits from the centre of the conversation's opinion map (Pol.is's E): the
 * live analysis supplies it; until it has a map for a conversation every statement counts as 1.0.
 * Called on the request path, so implementations answer from memory.
 */
@FunctionalInterface
public interface Extremity {
    /** Extremity of the statement, ≥ 0. */
    double of(long conversationId, long statementId);

    /** No opinion map yet: every statement is equally extreme. */
    Extremity NONE = (conversationId, statementId) -> 1.0;
}
