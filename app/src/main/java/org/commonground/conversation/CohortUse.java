package org.commonground.conversation;

import org.jdbi.v3.core.Handle;

/**
 * Whether a conversation's cohort dimensions are in use: it has participants, whose cohort values
 * name them. Answered by the participation feature, which owns the participants; the conversation
 * feature asks before it replaces the dimensions, on the handle of that transaction (the
 * conversation row is locked there, so the answer holds until the replacement commits).
 */
public interface CohortUse {
    /** Not wired (tools without the participation feature): refuses to guess. */
    CohortUse UNWIRED = (h, conversationId) -> {
        throw new IllegalStateException("no participation feature wired to say whether cohorts are in use");
    };

    boolean inUse(Handle h, long conversationId);
}
