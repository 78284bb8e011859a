package org.commonground.moderation;

import java.util.Collection;
import java.util.Map;

/**
 * The cohort values of statements' authors, shown beside each statement in the queue; answered by
 * the participation feature, which owns participants and sits above moderation.
 */
public interface AuthorCohorts {

    /** Per participant of the conversation, its cohort value by dimension name in declared order. */
    Map<Long, Map<String, String>> of(long conversationId, Collection<Long> participantIds);

    AuthorCohorts NONE = (conversationId, participantIds) -> Map.of();
}
