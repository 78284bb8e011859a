package org.commonground.participation;

import io.javalin.http.Context;
import org.commonground.statement.Statements;
import org.commonground.web.Throttles;

/**
 * A participant writing a statement. As Pol.is does, the author agrees with what they wrote: the
 * agree vote is cast through the ordinary vote path when the statement is shown at once, so the
 * live analysis hears of it, "my votes" lists it, and the author is never asked to vote on it.
 * Under pre-moderation no vote can be cast on a pending statement; routing still leaves the
 * author's own statements out ({@link NextStatement}).
 */
final class Authorship {
    private final Statements statements;
    private final VoteStore votes;
    private final Participants participants;
    private final Throttles throttles;

    Authorship(Statements statements, VoteStore votes, Participants participants, Throttles throttles) {
        this.statements = statements;
        this.votes = votes;
        this.participants = participants;
        this.throttles = throttles;
    }

    /**
     * Writes the statement of the request's participant (401 without one, 429 past their statement
     * quota) and records their agreement.
     */
    Statements.StatementView write(Context ctx, long conversationId, Statements.WriteStatement request) {
        Participant author = participants.require(ctx, conversationId);
        throttles.statement(author.id());
        Statements.StatementView written = statements.write(conversationId, author.id(), request);
        if ("accepted".equals(written.moderationState())) {
            String secret = Participants.secret(ctx, conversationId).orElseThrow(Participants::tokenRequired);
            votes.cast(conversationId, secret, written.id(), Vote.AGREE);
        }
        return written;
    }
}
