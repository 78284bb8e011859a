package org.commonground.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * What the analysis of a conversation reads from the database: the statements in the math, the
 * full vote history and the participants' cohort values. Ids are database keys throughout.
 */
final class AnalysisInputStore {

    /** Who may read a conversation's results: its state and results visibility. */
    record ConversationAccess(long id, String state, String resultsVisibility) {}

    /** One vote as cast: value 1 agree, −1 disagree, 0 pass. */
    record VoteEvent(long participantId, long statementId, int value, Instant castAt) {}

    record CohortValue(long participantId, String dimension, String value) {}

    private final Jdbi jdbi;

    AnalysisInputStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<ConversationAccess> conversation(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, state, results_visibility FROM conversation WHERE id = :id")
                .bind("id", conversationId).map(ConstructorMapper.of(ConversationAccess.class)).findOne());
    }

    /**
     * Statements in the math: accepted ones only. Pending statements are not shown to everyone yet
     * and rejected ones were moderated out; votes on either do not count.
     */
    List<Long> statementsInMath(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM statement
                        WHERE conversation_id = :c AND moderation_state = 'accepted'
                        ORDER BY id""")
                .bind("c", conversationId).mapTo(Long.class).list());
    }

    List<CohortValue> cohortValues(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT pc.participant_id, d.name AS dimension, pc.value
                        FROM participant_cohort pc
                        JOIN cohort_dimension d ON d.id = pc.dimension_id
                        WHERE d.conversation_id = :c""")
                .bind("c", conversationId).map(ConstructorMapper.of(CohortValue.class)).list());
    }

    /**
     * Every vote event of the conversation in the order cast, streamed (a conversation may hold
     * millions) in one transaction: PostgreSQL only streams (fetch size) inside one.
     */
    void streamVoteHistory(long conversationId, Consumer<VoteEvent> sink) {
        jdbi.useTransaction(h -> h.createQuery("""
                        SELECT participant_id, statement_id, value, cast_at
                        FROM vote_event
                        WHERE conversation_id = :c
                        ORDER BY cast_at, id""")
                .bind("c", conversationId).setFetchSize(20_000)
                .map(ConstructorMapper.of(VoteEvent.class)).forEach(sink));
    }
}
