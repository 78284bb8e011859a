package org.commonground.results;

import java.util.List;
import java.util.Map;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.participation.Participants;
import org.commonground.participation.Votes;
import org.commonground.statement.Statements;
import org.jdbi.v3.core.Jdbi;

/**
 * What the analysis of a conversation reads, each from its owner: the conversation and its cohort
 * dimensions (conversation), the statements in the math (statement), the vote history and cohort
 * values (participation). Ids are database keys throughout.
 */
final class AnalysisSource {
    private final ConversationCatalog conversations;
    private final Statements statements;
    private final Votes votes;
    private final Participants participants;

    AnalysisSource(Jdbi jdbi) {
        this.conversations = ConversationCatalog.over(jdbi);
        this.statements = Statements.over(jdbi);
        this.votes = Votes.over(jdbi);
        this.participants = new Participants(jdbi);
    }

    /** The conversation's participant pseudonyms by id: how its public results name them. */
    Map<Long, String> pseudonyms(long conversationId) {
        return participants.publicIds(conversationId);
    }

    /** One participant's value of one cohort dimension. */
    record CohortValue(long participantId, String dimension, String value) {}

    boolean exists(long conversationId) {
        return conversations.find(conversationId).isPresent();
    }

    /**
     * Statements in the math: accepted ones only. Pending statements are not shown to everyone yet
     * and rejected ones were moderated out; votes on either do not count.
     */
    List<Long> statementsInMath(long conversationId) {
        return statements.acceptedIds(conversationId);
    }

    List<CohortValue> cohortValues(long conversationId) {
        List<Conversation.CohortDimension> dimensions =
                conversations.find(conversationId).map(Conversation::cohorts).orElse(List.of());
        List<CohortValue> out = new java.util.ArrayList<>();
        for (Conversation.CohortDimension d : dimensions) {
            votes.cohortValues(d.id())
                    .forEach((participant, value) -> out.add(new CohortValue(participant, d.name(), value)));
        }
        return out;
    }

    /** Every vote event of the conversation in the order cast, streamed. */
    void voteHistory(long conversationId, Votes.VoteSink sink) {
        votes.voteHistory(conversationId, sink);
    }
}
