package org.commonground.results;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.participation.Votes;

/**
 * Agree/disagree/pass counts per statement, for whoever the conversation's results visibility
 * admits (see {@link ResultsReaders}).
 */
final class Tallies {
    private final Votes votes;
    private final ResultsReaders readers;

    Tallies(Votes votes, ResultsReaders readers) {
        this.votes = votes;
        this.readers = readers;
    }

    List<Votes.StatementTally> of(Context ctx, long conversationId) {
        readers.require(ctx, conversationId);
        return votes.tallies(conversationId);
    }
}
