package org.commonground.participation;

import java.time.Instant;

/**
 * Told of every vote right after it is committed; the live analysis keeps its in-memory matrix
 * current from these. Called on the request path: implementations must be quick and never throw.
 */
@FunctionalInterface
public interface VoteListener {
    /** value: 1 agree, −1 disagree, 0 pass. */
    void committed(long conversationId, long participantId, long statementId, int value, Instant castAt);

    VoteListener NONE = (conversationId, participantId, statementId, value, castAt) -> {};
}
