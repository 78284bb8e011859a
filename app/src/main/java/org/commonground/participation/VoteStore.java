package org.commonground.participation;

import java.time.Instant;
import org.commonground.account.Secrets;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Casting and changing votes: the hot path of the product. One vote is one SQL statement, one round
 * trip and one transaction: the checks, the event, and the current vote together. When it
 * returns, the vote is committed (synchronous_commit stays on), which is what a 2xx promises.
 */
public final class VoteStore {
    private final Jdbi jdbi;
    private final VoteListener listener;

    public VoteStore(Jdbi jdbi) {
        this(jdbi, VoteListener.NONE);
    }

    /** @param listener told of each vote once it is committed */
    public VoteStore(Jdbi jdbi, VoteListener listener) {
        this.jdbi = jdbi;
        this.listener = listener;
    }

    /** The command as the database sees it; the participant is named by the hash of its token. */
    public record Cast(long conversationId, String tokenHash, long statementId, short value) {}

    /**
     * What the statement found: each fact the checks need, and {@code castAt} set only if the vote
     * was recorded. On refusal nothing was written, so the facts can be turned into a problem after.
     */
    public record Outcome(String conversationState, Long participantConversationId, Long statementConversationId,
                   String statementState, Long participantId, Instant castAt) {}

    interface Sql {
        // Each CTE reads one row by primary or unique key. The two INSERTs only run for a vote that
        // passed every check (ok has one row or none); data-modifying CTEs always run to completion
        // even when not referenced. Latest wins: a concurrent older transaction (smaller now())
        // committing after a newer one does not overwrite the newer current vote.
        @SqlQuery("""
            WITH c AS (SELECT id, state FROM conversation WHERE id = :conversationId),
                 p AS (SELECT id, conversation_id FROM participant WHERE token_hash = :tokenHash),
                 s AS (SELECT id, conversation_id, moderation_state FROM statement WHERE id = :statementId),
                 ok AS (SELECT p.id AS participant_id FROM c, p, s
                        WHERE c.state = 'open' AND p.conversation_id = c.id
                          AND s.conversation_id = c.id AND s.moderation_state = 'accepted'),
                 ev AS (INSERT INTO vote_event (conversation_id, participant_id, statement_id, value)
                        SELECT :conversationId, participant_id, :statementId, :value FROM ok
                        RETURNING participant_id, cast_at),
                 cur AS (INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, cast_at)
                         SELECT participant_id, :statementId, :conversationId, :value, cast_at FROM ev
                         ON CONFLICT (participant_id, statement_id) DO UPDATE
                             SET value = EXCLUDED.value, cast_at = EXCLUDED.cast_at
                             WHERE current_vote.cast_at <= EXCLUDED.cast_at
                         RETURNING 1)
            SELECT (SELECT state FROM c) AS conversation_state,
                   (SELECT conversation_id FROM p) AS participant_conversation_id,
                   (SELECT conversation_id FROM s) AS statement_conversation_id,
                   (SELECT moderation_state FROM s) AS statement_state,
                   (SELECT participant_id FROM ev) AS participant_id,
                   (SELECT cast_at FROM ev) AS cast_at""")
        @RegisterConstructorMapper(Outcome.class)
        Outcome cast(@BindMethods Cast cast);
    }

    /** A recorded vote. */
    public record VoteView(long statementId, Vote value, Instant castAt) {}

    /**
     * Records the vote of the participant holding {@code participantSecret}; 404 for an unknown
     * conversation or statement (another conversation's counts as unknown), 401/403 for a missing
     * or foreign participant, 409/410 when the conversation is not open or the statement is not
     * accepted.
     */
    public VoteView cast(long conversationId, String participantSecret, long statementId, Vote value) {
        Outcome o = jdbi.withExtension(Sql.class, sql -> sql.cast(
                new Cast(conversationId, Secrets.hash(participantSecret), statementId, value.stored())));
        if (o.castAt() != null) {
            listener.committed(conversationId, o.participantId(), statementId, value.stored(), o.castAt());
            return new VoteView(statementId, value, o.castAt());
        }
        if (o.conversationState() == null) {
            throw NotFound.of("conversation", conversationId);
        }
        if (o.participantConversationId() == null) {
            throw Participants.tokenRequired();
        }
        if (o.participantConversationId() != conversationId) {
            throw Participants.otherConversation();
        }
        ConversationRules.requireOpen(conversationId, o.conversationState());
        if (o.statementConversationId() == null || o.statementConversationId() != conversationId) {
            throw NotFound.of("statement", statementId);
        }
        throw switch (o.statementState()) {
            case "pending" -> new Conflict("statement-pending", "problem.statement-pending", statementId);
            case "rejected" -> new Conflict("statement-rejected", "problem.statement-rejected", statementId);
            default -> new IllegalStateException("vote refused for no known reason: " + o);
        };
    }
}
