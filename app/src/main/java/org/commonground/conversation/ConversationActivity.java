package org.commonground.conversation;

import java.util.List;

/**
 * What the organizer's pages show of a conversation's activity, answered by the features that
 * own participants, votes and statements (participation): the conversation feature asks through
 * this interface instead of reading their tables. The one source of the participant counts the
 * dashboard, the management page and the report show.
 */
public interface ConversationActivity {
    /**
     * How many took part, counted once for every page that shows it.
     *
     * @param joined  participants who joined (answered the join step), whether or not they voted
     * @param voted   of them, those who cast at least one vote (a vote is changed, never deleted)
     * @param votes   current votes: one per participant and statement
     * @param pending statements waiting for a moderator
     */
    record Counts(int joined, int voted, int votes, int pending) {}

    /** A cohort's participant count on the management page. */
    record CohortCount(String dimension, String value, int participants) {}

    Counts counts(long conversationId);

    /** Every declared cohort value with its participants, in the order the organizer declared them. */
    List<CohortCount> cohorts(long conversationId);

    /** Whether anyone has voted on the statement (what freezes a seed statement's text). */
    boolean anyVoteOn(long statementId);
}
