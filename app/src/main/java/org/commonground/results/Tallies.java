package org.commonground.results;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.participation.VoteStore;

/**
 * Agree/disagree/pass counts per statement, for whoever the conversation's results visibility
 * admits (see {@link ResultsReaders}).
 */
final class Tallies {
    private final VoteStore votes;
    private final ResultsReaders readers;

    Tallies(VoteStore votes, ResultsReaders readers) {
        this.votes = votes;
        this.readers = readers;
    }

    List<VoteStore.StatementTally> of(Context ctx, long conversationId) {
        readers.require(ctx, conversationId);
        return votes.tallies(conversationId);
    }
}
