package org.commonground.participation;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.account.Access;
import org.commonground.account.Authentication;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Unauthorized;
import org.jdbi.v3.core.Jdbi;

/**
 * Agree/disagree/pass counts per statement, for whoever the conversation's results visibility
 * lets see them: everyone ({@code public}), its participants and organizers ({@code participants}),
 * or only its organizers ({@code organizers}).
 */
public final class Tallies {
    private final Jdbi jdbi;
    private final Participants participants;
    private final Authentication authentication;
    private final Access access;

    public Tallies(Jdbi jdbi, Participants participants, Authentication authentication, Access access) {
        this.jdbi = jdbi;
        this.participants = participants;
        this.authentication = authentication;
        this.access = access;
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
        switch (rules.resultsVisibility()) {
            case "public" -> { }
            case "participants" -> {
                if (participants.find(ctx, conversationId).isEmpty()) {
                    requireOrganizerOrParticipant(ctx, conversationId);
                }
            }
            default -> access.requireOrganizer(ctx, conversationId);
        }
    }

    private void requireOrganizerOrParticipant(Context ctx, long conversationId) {
        if (authentication.account(ctx).isEmpty()) {
            // Neither a participant of this conversation nor signed in.
            throw new Unauthorized("results-for-participants", "problem.results-for-participants");
        }
        try {
            access.requireOrganizer(ctx, conversationId);
        } catch (Forbidden notOrganizer) {
            throw new Forbidden("results-for-participants", "problem.results-for-participants");
        }
    }
}
