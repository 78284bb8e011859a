package org.commonground.participation;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.conversation.ResultsReaders;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ResultsVisibility;
import org.jdbi.v3.core.Jdbi;

/**
 * Agree/disagree/pass counts per statement, for whoever the conversation's results visibility
 * admits (see {@link ResultsReaders}).
 */
public final class Tallies {
    private final Jdbi jdbi;
    private final ResultsReaders readers;

    public Tallies(Jdbi jdbi, ResultsReaders readers) {
        this.jdbi = jdbi;
        this.readers = readers;
    }

    /** Current votes on one accepted statement. */
    public record Tally(long statementId, int agree, int disagree, int pass, int total) {}

    public List<Tally> of(Context ctx, long conversationId) {
        requireVisible(ctx, conversationId);
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.id,
                       count(v.value) FILTER (WHERE v.value = 1) AS agree,
                       count(v.value) FILTER (WHERE v.value = -1) AS disagree,
                       count(v.value) FILTER (WHERE v.value = 0) AS pass,
                       count(v.value) AS total
                FROM statement s LEFT JOIN current_vote v ON v.statement_id = s.id
                WHERE s.conversation_id = :c AND s.moderation_state = 'accepted'
                GROUP BY s.id ORDER BY s.id""")
                .bind("c", conversationId)
                .map((rs, c) -> new Tally(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list());
    }

    /**
     * Refuses a reader the conversation's results visibility does not admit (401/403; 404 for an
     * unknown conversation). The analysis results follow the same rule as the tallies.
     */
    public void requireVisible(Context ctx, long conversationId) {
        ConversationRules rules = jdbi.withHandle(h -> ConversationRules.load(h, conversationId));
        readers.require(ctx, conversationId, ConversationState.fromCode(rules.state()),
                ResultsVisibility.fromCode(rules.resultsVisibility()));
    }
}
