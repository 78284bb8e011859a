package org.commonground.participation;

import java.util.Collection;
import java.util.Set;

/**
 * When each participant of a conversation joined and through which invite: what the integrity
 * feature reads to find join bursts, participation being the one owner of {@code participant}.
 */
public interface JoinLog {
    /** Receives one participant: its join time in ms since the epoch, its invite id or 0 without one. */
    interface JoinSink {
        void joined(long participantId, long joinedAtMillis, long inviteId);
    }

    /** Every participant of the conversation, in join order (ties by id), streamed. */
    void joins(long conversationId, JoinSink sink);

    /** Those of {@code participantIds} that are participants of the conversation. */
    Set<Long> ofConversation(long conversationId, Collection<Long> participantIds);
}
