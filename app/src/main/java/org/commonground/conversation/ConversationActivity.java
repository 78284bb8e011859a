package org.commonground.conversation;

import java.util.List;

/**
 * What the organizer's pages show of a conversation's activity, answered by the features that
 * own participants, votes and statements (participation): the conversation feature asks through
 * this interface instead of reading their tables.
 */
public interface ConversationActivity {
    /** Participants, current votes and statements waiting for moderation. */
    record Counts(int participants, int votes, int pending) {}

    /** A cohort's participant count on the management page. */
    record CohortCount(String dimension, String value, int participants) {}

    Counts counts(long conversationId);

    /** Every declared cohort value with its participants, in the order the organizer declared them. */
    List<CohortCount> cohorts(long conversationId);
}
