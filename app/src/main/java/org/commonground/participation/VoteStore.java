package org.commonground.participation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.commonground.account.Secrets;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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

    /**
     * Each CTE reads one row by primary or unique key. The two INSERTs only run for a vote that
     * passed every check (ok has one row or none); data-modifying CTEs always run to completion
     * even when not referenced. Latest wins: a concurrent older transaction (smaller now())
     * committing after a newer one does not overwrite the newer current vote.
     */
    static final String CAST = """
            WITH c AS (SELECT id, state FROM conversation WHERE id = ?),
                 p AS (SELECT id, conversation_id FROM participant WHERE token_hash = ?),
                 s AS (SELECT id, conversation_id, moderation_state FROM statement WHERE id = ?),
                 ok AS (SELECT p.id AS participant_id FROM c, p, s
                        WHERE c.state = 'open' AND p.conversation_id = c.id
                          AND s.conversation_id = c.id AND s.moderation_state = 'accepted'),
                 ev AS (INSERT INTO vote_event (conversation_id, participant_id, statement_id, value)
                        SELECT c.id, participant_id, s.id, ?::smallint FROM ok, c, s
                        RETURNING participant_id, statement_id, value, cast_at),
                 cur AS (INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, cast_at)
                         SELECT participant_id, statement_id, (SELECT id FROM c), value, cast_at FROM ev
                         ON CONFLICT (participant_id, statement_id) DO UPDATE
                             SET value = EXCLUDED.value, cast_at = EXCLUDED.cast_at
                             WHERE current_vote.cast_at <= EXCLUDED.cast_at
                         RETURNING 1)
            SELECT (SELECT state FROM c) AS conversation_state,
                   (SELECT conversation_id FROM p) AS participant_conversation_id,
                   (SELECT conversation_id FROM s) AS statement_conversation_id,
                   (SELECT moderation_state FROM s) AS statement_state,
                   (SELECT participant_id FROM ev) AS participant_id,
                   (SELECT (extract(epoch FROM cast_at) * 1000000)::bigint FROM ev) AS cast_at_micros""";

    /**
     * Runs {@link #CAST} with plain JDBC on the handle's connection. Measured on the vote benchmark,
     * Jdbi's SqlObject path (proxy, argument factories, constructor-mapper specialization per
     * result set) cost more server CPU per vote than everything else in the request together;
     * here the statement is one pgjdbc prepared statement, server-side prepared after a few uses
     * on each pooled connection (pgjdbc caches it per connection by its text).
     */
    private Outcome execute(Cast cast) {
        return jdbi.withHandle(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(CAST)) {
                ps.setLong(1, cast.conversationId());
                ps.setString(2, cast.tokenHash());
                ps.setLong(3, cast.statementId());
                ps.setShort(4, cast.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    // Epoch microseconds: parsing a timestamptz's text costs more than the rest of the row.
                    long micros = rs.getLong(6);
                    Instant castAt = rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                    return new Outcome(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                            rs.getString(4), rs.getObject(5, Long.class), castAt);
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("casting a vote failed", e, null);
            }
        });
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
        Outcome o = execute(new Cast(conversationId, Secrets.hash(participantSecret), statementId, value.stored()));
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
