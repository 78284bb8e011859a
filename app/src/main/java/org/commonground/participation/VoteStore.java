package org.commonground.participation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.conversation.ConversationState;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;
import org.commonground.statement.Statements;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Casting and changing votes: the hot path of the product. Concurrent votes are committed together
 * ({@link BallotBox}): one statement checks every vote of a batch and records the event and the
 * current vote of each that passed, in one transaction. When {@link #cast} returns, the vote is
 * committed (synchronous_commit stays on), which is what a 2xx promises.
 */
final class VoteStore implements Votes {
    private static final Logger log = LoggerFactory.getLogger(VoteStore.class);
    private final Jdbi jdbi;
    private final Statements statements;
    private final VoteListener listener;
    private final BallotBox box;

    public VoteStore(Jdbi jdbi) {
        this(jdbi, VoteListener.NONE, 1);
    }

    /**
     * @param listener told of each vote once it is committed, in the order the database recorded them
     * @param writers  how many batches of votes may be written at once; more than one lets a batch
     *                 fill while another waits for its WAL flush
     */
    public VoteStore(Jdbi jdbi, VoteListener listener, int writers) {
        this.jdbi = jdbi;
        this.statements = Statements.over(jdbi);
        this.listener = listener;
        this.box = new BallotBox(this::write, writers);
    }

    /** The command as the database sees it; the participant is named by the hash of its token. */
    public record Cast(long conversationId, String tokenHash, long statementId, short value) {}

    /**
     * What the statement found: each fact the checks need, and {@code castAt} set only if the vote
     * was recorded. On refusal nothing was written, so the facts can be turned into a problem after.
     */
    public record Outcome(
            String conversationState,
            Long participantConversationId,
            Long statementConversationId,
            String statementState,
            Long participantId,
            Instant castAt) {}

    /**
     * One row per cast, in input order. {@code f} reads each row's facts by primary or unique key;
     * the two INSERTs run for the casts that passed every check (data-modifying CTEs always run to
     * completion even when not referenced). Within a batch the last cast of a participant on a
     * statement wins the current vote; across transactions, latest now() wins: a concurrent older
     * transaction committing after a newer one does not overwrite the newer current vote. Current
     * votes are written in key order, so two batches lock shared rows in the same order.
     */
    static final String CAST = """
            WITH i AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::smallint[])
                                WITH ORDINALITY AS t(conversation_id, token_hash, statement_id, value, ord)),
                 f AS (SELECT i.ord, i.conversation_id, i.statement_id, i.value,
                              c.state AS conversation_state, p.id AS participant_id,
                              p.conversation_id AS participant_conversation_id,
                              s.conversation_id AS statement_conversation_id, s.moderation_state AS statement_state,
                              coalesce(c.state = 'open' AND p.conversation_id = c.id AND s.conversation_id = c.id
                                       AND s.moderation_state = 'accepted', false) AS ok
                       FROM i LEFT JOIN conversation c ON c.id = i.conversation_id
                              LEFT JOIN participant p ON p.token_hash = i.token_hash
                              LEFT JOIN statement s ON s.id = i.statement_id),
                 ev AS (INSERT INTO vote_event (conversation_id, participant_id, statement_id, value)
                        SELECT conversation_id, participant_id, statement_id, value FROM f WHERE ok ORDER BY ord),
                 cur AS (INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, cast_at)
                         SELECT DISTINCT ON (participant_id, statement_id)
                                participant_id, statement_id, conversation_id, value, now()
                         FROM f WHERE ok ORDER BY participant_id, statement_id, ord DESC
                         ON CONFLICT (participant_id, statement_id) DO UPDATE
                             SET value = EXCLUDED.value, cast_at = EXCLUDED.cast_at
                             WHERE current_vote.cast_at <= EXCLUDED.cast_at)
            SELECT conversation_state, participant_conversation_id, statement_conversation_id, statement_state,
                   CASE WHEN ok THEN participant_id END,
                   CASE WHEN ok THEN (extract(epoch FROM now()) * 1000000)::bigint END
            FROM f ORDER BY ord""";

    /**
     * Runs {@link #CAST} with plain JDBC on the handle's connection. Measured on the vote benchmark,
     * Jdbi's SqlObject path (proxy, argument factories, constructor-mapper specialization per
     * result set) cost more server CPU per vote than everything else in the request together;
     * here the statement is one pgjdbc prepared statement, server-side prepared after a few uses
     * on each pooled connection (pgjdbc caches it per connection by its text).
     */
    List<Outcome> write(List<Cast> casts) {
        int n = casts.size();
        long[] conversations = new long[n];
        String[] tokens = new String[n];
        long[] statements = new long[n];
        short[] values = new short[n];
        for (int k = 0; k < n; k++) {
            Cast c = casts.get(k);
            conversations[k] = c.conversationId();
            tokens[k] = c.tokenHash();
            statements[k] = c.statementId();
            values[k] = c.value();
        }
        List<Outcome> written = jdbi.withHandle(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(CAST)) {
                ps.setObject(1, conversations);
                ps.setObject(2, tokens);
                ps.setObject(3, statements);
                ps.setObject(4, values);
                List<Outcome> outcomes = new ArrayList<>(n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outcomes.add(outcome(rs));
                    }
                }
                if (outcomes.size() != n) {
                    throw new IllegalStateException(n + " votes cast but " + outcomes.size() + " outcomes");
                }
                return outcomes;
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("casting " + n + " votes failed", e, null);
            }
        });
        tell(casts, written);
        return written;
    }

    /**
     * Reports the batch's recorded votes in input order, the order the database stored them in: two
     * votes of one participant on one statement in one batch share a timestamp, and the later one is
     * the current vote in the database and must be the later one for the listener too.
     */
    private void tell(List<Cast> casts, List<Outcome> outcomes) {
        for (int k = 0; k < casts.size(); k++) {
            Outcome o = outcomes.get(k);
            if (o.castAt() != null) {
                Cast c = casts.get(k);
                try {
                    listener.committed(c.conversationId(), o.participantId(), c.statementId(), c.value(), o.castAt());
                } catch (RuntimeException e) {
                    // Committed already: a failing listener must not make the batch look failed (and be written again).
                    log.error("vote listener failed for conversation {}", c.conversationId(), e);
                }
            }
        }
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        // Epoch microseconds: parsing a timestamptz's text costs more than the rest of the row.
        long micros = rs.getLong(6);
        Instant castAt = rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return new Outcome(
                rs.getString(1),
                rs.getObject(2, Long.class),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getObject(5, Long.class),
                castAt);
    }

    @Override
    public int castAll(List<BatchVote> votes) {
        List<Cast> casts = new ArrayList<>(votes.size());
        for (BatchVote v : votes) {
            casts.add(new Cast(
                    v.conversationId(),
                    Secrets.hash(v.participantSecret()),
                    v.statementId(),
                    v.value().stored()));
        }
        int recorded = 0;
        for (int from = 0; from < casts.size(); from += 1000) {
            for (Outcome o : write(casts.subList(from, Math.min(casts.size(), from + 1000)))) {
                recorded += o.castAt() == null ? 0 : 1;
            }
        }
        return recorded;
    }

    @Override
    public VoteView cast(long conversationId, String participantSecret, long statementId, Vote value) {
        Outcome o = box.submit(new Cast(conversationId, Secrets.hash(participantSecret), statementId, value.stored()));
        if (o.castAt() != null) {
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
        ConversationState.fromCode(o.conversationState()).requireOpen(conversationId);
        if (o.statementConversationId() == null || o.statementConversationId() != conversationId) {
            throw NotFound.of("statement", statementId);
        }
        throw switch (o.statementState()) {
            case "pending" -> new Conflict("statement-pending", "problem.statement-pending", statementId);
            case "rejected" -> new Conflict("statement-rejected", "problem.statement-rejected", statementId);
            default -> new IllegalStateException("vote refused for no known reason: " + o);
        };
    }

    @Override
    public List<CurrentVote> currentVotes(long participantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT statement_id, value FROM current_vote WHERE participant_id = :p ORDER BY cast_at DESC""")
                .bind("p", participantId)
                .map((rs, x) -> new CurrentVote(rs.getLong(1), Vote.ofStored(rs.getInt(2))))
                .list());
    }

    /** The statements the participant has a current vote on. */
    Set<Long> votedOn(long participantId) {
        return new HashSet<>(
                jdbi.withHandle(h -> h.createQuery("SELECT statement_id FROM current_vote WHERE participant_id = :p")
                        .bind("p", participantId)
                        .mapTo(Long.class)
                        .list()));
    }

    @Override
    public List<StatementTally> tallies(long conversationId) {
        Map<Long, StatementTally> counts = counts(conversationId);
        return statements.acceptedIds(conversationId).stream()
                .map(id -> counts.getOrDefault(id, new StatementTally(id, 0, 0, 0, 0)))
                .toList();
    }

    @Override
    public Map<Long, StatementTally> counts(long conversationId) {
        return counts(conversationId, new long[0]);
    }

    @Override
    public Map<Long, StatementTally> counts(long conversationId, long[] leftOut) {
        Map<Long, StatementTally> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT statement_id,
                       count(*) FILTER (WHERE value = 1) AS agree,
                       count(*) FILTER (WHERE value = -1) AS disagree,
                       count(*) FILTER (WHERE value = 0) AS pass,
                       count(*) AS total
                FROM current_vote WHERE conversation_id = :c AND participant_id <> ALL(:leftOut)
                GROUP BY statement_id""")
                .bind("c", conversationId)
                .bind("leftOut", leftOut)
                .map((rs, c) ->
                        new StatementTally(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .forEach(t -> counts.put(t.statementId(), t)));
        return counts;
    }

    @Override
    public Map<Long, String> cohortValues(long dimensionId) {
        Map<Long, String> out = new HashMap<>();
        jdbi.useHandle(
                h -> h.createQuery("SELECT participant_id, value FROM participant_cohort WHERE dimension_id = :d")
                        .bind("d", dimensionId)
                        .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                        .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Streams in one transaction: PostgreSQL only honours the fetch size inside one. */
    @Override
    public void voteHistory(long conversationId, VoteSink sink) {
        jdbi.useTransaction(h -> history(h, conversationId, sink));
    }

    static void history(Handle h, long conversationId, VoteSink sink) {
        stream(h, """
                SELECT participant_id, statement_id, value, cast_at FROM vote_event
                WHERE conversation_id = :c ORDER BY cast_at, id""", conversationId, sink);
    }

    /** Streams in one transaction: PostgreSQL only honours the fetch size inside one. */
    @Override
    public void everyCurrentVote(long conversationId, VoteSink sink) {
        jdbi.useTransaction(h -> stream(h, """
                SELECT participant_id, statement_id, value, cast_at FROM current_vote
                WHERE conversation_id = :c ORDER BY participant_id, statement_id""", conversationId, sink));
    }

    /** The votes {@code sql} selects for conversation {@code :c}, streamed to {@code sink}. */
    private static void stream(Handle h, String sql, long conversationId, VoteSink sink) {
        h.createQuery(sql).bind("c", conversationId).setFetchSize(20_000).scanResultSet((rows, ctx) -> {
            ResultSet rs = rows.get();
            while (rs.next()) {
                sink.vote(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).getTime());
            }
            return null;
        });
    }
}
