package org.commonground.results;

import org.commonground.analysis.Cohorts;
import org.commonground.analysis.ModeratedVotes;
import org.commonground.analysis.VoteMatrix;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Jdbi;

/**
 * What the engine analyses, from either source: a Pol.is export folder (ids are Pol.is's comment
 * and voter ids; see {@code PolisExport.analysisInput}) or a conversation in the database (ids are
 * database keys).
 */
public record AnalysisInput(VoteMatrix votes, Cohorts cohorts) {

    /** Votes on a stored conversation's statements that are not in the math (rejected or pending). */
    public static ModeratedVotes moderatedVotes(Jdbi jdbi, long conversationId) {
        return moderatedVotes(new AnalysisSource(jdbi), conversationId);
    }

    static ModeratedVotes moderatedVotes(AnalysisSource store, long conversationId) {
        return history(store, conversationId).snapshot().outside(statementsInMath(store, conversationId));
    }

    /** A conversation as stored now: accepted statements, the whole vote history, cohort values. */
    public static AnalysisInput load(Jdbi jdbi, long conversationId) {
        return load(new AnalysisSource(jdbi), conversationId);
    }

    static AnalysisInput load(AnalysisSource store, long conversationId) {
        if (!store.exists(conversationId)) {
            throw NotFound.of("conversation", conversationId);
        }
        long[] excluded = store.excluded(conversationId).participantIds();
        return new AnalysisInput(
                history(store, conversationId).snapshot().matrix(statementsInMath(store, conversationId), excluded),
                cohorts(store, conversationId, excluded));
    }

    /** Every vote event of the conversation, oldest first. */
    static VoteLog history(AnalysisSource store, long conversationId) {
        VoteLog history = new VoteLog();
        store.voteHistory(conversationId, history::add);
        return history;
    }

    static long[] statementsInMath(AnalysisSource store, long conversationId) {
        return store.statementsInMath(conversationId).stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
    }

    /** Cohort values of the conversation's participants but those of {@code excludedSorted}. */
    static Cohorts cohorts(AnalysisSource store, long conversationId, long[] excludedSorted) {
        Cohorts.Builder b = Cohorts.builder();
        for (AnalysisSource.CohortValue v : store.cohortValues(conversationId)) {
            if (java.util.Arrays.binarySearch(excludedSorted, v.participantId()) < 0) {
                b.assign(v.participantId(), v.dimension(), v.value());
            }
        }
        return b.build();
    }
}
