package org.commonground.results;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.commonground.integrity.Excluded;
import org.commonground.integrity.Exclusions;
import org.commonground.participation.Votes;

/**
 * Agree/disagree/pass counts per statement, for whoever the conversation's results visibility
 * admits (see {@link ResultsReaders}).
 */
final class Tallies {
    private final Votes votes;
    private final Exclusions exclusions;
    private final ResultsReaders readers;

    Tallies(Votes votes, Exclusions exclusions, ResultsReaders readers) {
        this.votes = votes;
        this.exclusions = exclusions;
        this.readers = readers;
    }

    /** Counts per accepted statement, without the votes of participants moderators left out. */
    List<Votes.StatementTally> of(Context ctx, long conversationId) {
        readers.require(ctx, conversationId);
        Excluded excluded = exclusions.excluded(conversationId);
        if (excluded.count() == 0) {
            return votes.tallies(conversationId);
        }
        Map<Long, Votes.StatementTally> counts = votes.counts(conversationId, excluded.participantIds());
        return votes.tallies(conversationId).stream()
                .map(t -> counts.getOrDefault(t.statementId(), new Votes.StatementTally(t.statementId(), 0, 0, 0, 0)))
                .toList();
    }
}
