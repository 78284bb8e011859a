package org.commonground.results;

import org.commonground.account.AccountFeature;
import org.commonground.conversation.ConversationFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.web.Api;
import org.jdbi.v3.core.Jdbi;

/**
 * The results feature's one public entry: the live analysis of every open conversation (kept
 * current by each committed vote), the tallies, and the one gate that says who may read them
 * ({@link #readers()}), for the report pages and the API alike.
 */
public final class ResultsFeature implements AutoCloseable {
    private final LiveAnalysis analysis;
    private final ResultsReaders readers;
    private final Tallies tallies;

    private ResultsFeature(
            Jdbi jdbi,
            int analysisThreads,
            AccountFeature account,
            ConversationFeature conversation,
            ParticipationFeature participation) {
        this.analysis = LiveAnalysis.forServer(jdbi, analysisThreads);
        participation.tell(analysis);
        this.readers = new ResultsReaders(
                account.authentication(),
                conversation.access(),
                conversation.conversations(),
                (ctx, conversationId) ->
                        participation.participantOf(ctx, conversationId).isPresent());
        this.tallies = new Tallies(participation.votes(), readers);
    }

    /** @param analysisThreads workers of the bounded analysis pool, ≥ 1 */
    public static ResultsFeature wire(
            Jdbi jdbi,
            int analysisThreads,
            AccountFeature account,
            ConversationFeature conversation,
            ParticipationFeature participation) {
        return new ResultsFeature(jdbi, analysisThreads, account, conversation, participation);
    }

    public Results results() {
        return analysis;
    }

    /**
     * Recomputes the conversation's analysis from the votes stored now: after votes were deleted
     * rather than cast (a participant erased their data).
     */
    public void reload(long conversationId) {
        analysis.reload(conversationId);
    }

    public ResultsReaders readers() {
        return readers;
    }

    public void addTo(Api api) {
        new ResultsRoutes(analysis, tallies, readers, java.time.Clock.systemUTC()).addTo(api);
    }

    /** Stops the analysis pool (with the server). */
    @Override
    public void close() {
        analysis.close();
    }
}
