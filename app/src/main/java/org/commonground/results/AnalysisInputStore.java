package org.commonground.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * What the analysis of a conversation reads from the database: the statements in the math, the
 * full vote history and the participants' cohort values. Ids are database keys throughout.
 */
@RegisterConstructorMapper(AnalysisInputStore.ConversationAccess.class)
@RegisterConstructorMapper(AnalysisInputStore.VoteEvent.class)
@RegisterConstructorMapper(AnalysisInputStore.CohortValue.class)
public interface AnalysisInputStore {

    /** Who may read a conversation's results: its state and results visibility. */
    record ConversationAccess(long id, String state, String resultsVisibility) {}

    /** One vote as cast: value 1 agree, −1 disagree, 0 pass. */
    record VoteEvent(long participantId, long statementId, int value, Instant castAt) {}

    record CohortValue(long participantId, String dimension, String value) {}

    @SqlQuery("SELECT id, state, results_visibility FROM conversation WHERE id = :id")
    Optional<ConversationAccess> conversation(@Bind("id") long conversationId);

    /**
     * Statements in the math: accepted ones only. Pending statements are not shown to everyone yet
     * and rejected ones were moderated out; votes on either do not count.
     */
    @SqlQuery("""
            SELECT id FROM statement
            WHERE conversation_id = :c AND moderation_state = 'accepted'
            ORDER BY id""")
    List<Long> statementsInMath(@Bind("c") long conversationId);

    @SqlQuery("""
            SELECT pc.participant_id, d.name AS dimension, pc.value
            FROM participant_cohort pc
            JOIN cohort_dimension d ON d.id = pc.dimension_id
            WHERE d.conversation_id = :c""")
    List<CohortValue> cohortValues(@Bind("c") long conversationId);

    /** Every vote event of the conversation in the order cast; streamed, a conversation may hold millions. */
    @SqlQuery("""
            SELECT participant_id, statement_id, value, cast_at
            FROM vote_event
            WHERE conversation_id = :c
            ORDER BY cast_at, id""")
    @FetchSize(20_000)
    void voteHistory(@Bind("c") long conversationId, Consumer<VoteEvent> sink);

    /** The vote history in one transaction: PostgreSQL only streams (fetch size) inside one. */
    @Transaction
    default void streamVoteHistory(long conversationId, Consumer<VoteEvent> sink) {
        voteHistory(conversationId, sink);
    }
}
