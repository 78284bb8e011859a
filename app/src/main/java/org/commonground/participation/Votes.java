package org.commonground.participation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What higher features (results, report) read of votes and cohort values, the participation
 * feature being the one owner of {@code current_vote} and {@code participant_cohort}.
 */
public interface Votes {
    /** Read-only use and single casts (tools and tests): no listener, one writer. */
    static Votes over(Jdbi jdbi) {
        return new VoteStore(jdbi);
    }

    /**
     * @param listener told of each vote once it is committed, in the order the database recorded them
     * @param writers  how many batches of votes may be written at once
     */
    static Votes over(Jdbi jdbi, VoteListener listener, int writers) {
        return new VoteStore(jdbi, listener, writers);
    }

    /** A recorded vote. */
    record VoteView(long statementId, Vote value, Instant castAt) {}

    /**
     * Records the vote of the participant holding {@code participantSecret}; 404 for an unknown
     * conversation or statement (another conversation's counts as unknown), 401/403 for a missing
     * or foreign participant, 409/410 when the conversation is not open or the statement is not
     * accepted.
     */
    VoteView cast(long conversationId, String participantSecret, long statementId, Vote value);

    /** One vote of a batch, by the participant's secret token. */
    record BatchVote(long conversationId, String participantSecret, long statementId, Vote value) {}

    /**
     * Casts many votes in batches of 1,000 with the same checks as one vote (the demo's simulated
     * rounds); returns how many were recorded.
     */
    int castAll(List<BatchVote> votes);

    /** A participant's current vote on a statement. */
    record CurrentVote(long statementId, Vote vote) {}

    /** Current votes on one statement. */
    record StatementTally(long statementId, int agree, int disagree, int pass, int total) {}

    /** The participant's current votes, the latest first: the one query for "my votes" pages. */
    List<CurrentVote> currentVotes(long participantId);

    /** Agree/disagree/pass counts per accepted statement of the conversation (zeros included), by statement id. */
    List<StatementTally> tallies(long conversationId);

    /** Counts per statement of the conversation that has current votes (in any moderation state), by statement id. */
    Map<Long, StatementTally> counts(long conversationId);

    /**
     * As {@link #counts(long)} without the current votes of {@code leftOut} (participants excluded
     * from the analysis; sorted or not, empty for none).
     */
    Map<Long, StatementTally> counts(long conversationId, long[] leftOut);

    /** Receives votes as cast: value 1 agree, −1 disagree, 0 pass; {@code castAtMillis} in ms since the epoch. */
    interface VoteSink {
        void vote(long participantId, long statementId, int value, long castAtMillis);
    }

    /** Imported votes by index, already mapped to our participant and statement ids; value -1, 0 or 1. */
    interface ImportedVotes {
        int size();

        long participant(int i);

        long statement(int i);

        int value(int i);

        long castAtMillis(int i);
    }

    /**
     * Loads an imported conversation's vote history and current votes (COPY, in chunks) in the
     * importing transaction, telling {@code copied} how many rows are in so far; answers the total.
     * The history is taken as recorded: the caller derives the current votes from it.
     */
    static long insertImported(
            org.jdbi.v3.core.Handle h,
            long conversationId,
            ImportedVotes history,
            ImportedVotes current,
            java.util.function.LongConsumer copied) {
        return ImportedParticipationStore.insertVotes(h, conversationId, history, current, copied);
    }

    /**
     * Every vote event of the conversation in the order cast (time, then order of recording),
     * streamed on the caller's transaction, for a reader that needs one snapshot with other tables.
     */
    static void history(org.jdbi.v3.core.Handle h, long conversationId, VoteSink sink) {
        VoteStore.history(h, conversationId, sink);
    }

    /** Every vote event of the conversation in the order cast, streamed: a conversation may hold millions. */
    void voteHistory(long conversationId, VoteSink sink);

    /** Each participant's value of one cohort dimension (by its id); participants without one are absent. */
    Map<Long, String> cohortValues(long dimensionId);

    /** Every current vote of the conversation (the latest per participant and statement), streamed, by participant. */
    void everyCurrentVote(long conversationId, VoteSink sink);
}
