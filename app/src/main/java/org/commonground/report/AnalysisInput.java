package org.commonground.report;

import org.commonground.analysis.Cohorts;
import org.commonground.analysis.ModeratedVotes;
import org.commonground.analysis.VoteMatrix;
import org.commonground.polis.PolisExport;
import org.commonground.problem.NotFound;

/**
 * What the engine analyses, from either source: a Pol.is export folder (ids are Pol.is's comment
 * and voter ids) or a conversation in the database (ids are database keys).
 */
public record AnalysisInput(VoteMatrix votes, Cohorts cohorts) {

    /**
     * A Pol.is export: every comment not moderated out is in the math (Pol.is also counts
     * unmoderated comments unless the conversation used strict moderation), with the full history.
     */
    public static AnalysisInput of(PolisExport export) {
        VoteMatrix.Builder votes = VoteMatrix.builder();
        for (PolisExport.Comment c : export.comments()) {
            if (c.moderation() == PolisExport.Moderation.REJECTED) {
                votes.reject(c.id());
            } else {
                votes.statement(c.id());
            }
        }
        for (PolisExport.Vote v : export.votes()) {
            votes.vote(v.voterId(), v.commentId(), v.value(), v.timestamp());
        }
        Cohorts.Builder cohorts = Cohorts.builder();
        for (PolisExport.Participant p : export.participants()) {
            p.cohorts().forEach((dimension, value) -> cohorts.assign(p.id(), dimension, value));
        }
        return new AnalysisInput(votes.build(), cohorts.build());
    }

    /** Votes on a stored conversation's statements that are not in the math (rejected or pending). */
    public static ModeratedVotes moderatedVotes(AnalysisInputStore store, long conversationId) {
        return history(store, conversationId).snapshot().outside(statementsInMath(store, conversationId));
    }

    /** A conversation as stored now: accepted statements, the whole vote history, cohort values. */
    public static AnalysisInput load(AnalysisInputStore store, long conversationId) {
        if (store.conversation(conversationId).isEmpty()) {
            throw NotFound.of("conversation", conversationId);
        }
        return new AnalysisInput(history(store, conversationId).snapshot().matrix(statementsInMath(store, conversationId)), cohorts(store, conversationId));
    }

    /** Every vote event of the conversation, oldest first. */
    static VoteLog history(AnalysisInputStore store, long conversationId) {
        VoteLog history = new VoteLog();
        store.streamVoteHistory(conversationId,
                v -> history.add(v.participantId(), v.statementId(), v.value(), v.castAt().toEpochMilli()));
        return history;
    }

    static long[] statementsInMath(AnalysisInputStore store, long conversationId) {
        return store.statementsInMath(conversationId).stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static Cohorts cohorts(AnalysisInputStore store, long conversationId) {
        Cohorts.Builder b = Cohorts.builder();
        for (AnalysisInputStore.CohortValue v : store.cohortValues(conversationId)) {
            b.assign(v.participantId(), v.dimension(), v.value());
        }
        return b.build();
    }
}
