package org.commonground.polis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.problem.NotFound;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads one conversation from the database as a {@link PolisExport}, ready to be written as a Pol.is
 * folder: every statement, the full vote history and every participant's cohort values.
 *
 * <p>Pol.is ids are integers. A statement or participant imported from Pol.is keeps its id; the
 * others (written here, or with a non-numeric external id) are numbered after the largest one, in
 * the order they were created, so a conversation born here exports as 0, 1, 2 … like Pol.is.
 */
public final class ConversationExport {
    private final Jdbi jdbi;

    public ConversationExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The conversation as a Pol.is export, read in one consistent snapshot; 404 if it does not exist. */
    public PolisExport load(long conversationId) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return load(handle, conversationId);
        });
    }

    /** Milliseconds since the epoch, computed by the server: cheaper than a Timestamp object per row. */
    private static final String EPOCH_MILLIS = "floor(extract(epoch FROM %s) * 1000)::bigint";

    private record StatementRow(
            long id, String externalId, String text, Long author, boolean seed, String state, long createdAt) {}

    private static PolisExport load(Handle handle, long conversationId) {
        Summary summary = handle.createQuery("""
                        SELECT title, description FROM conversation_text WHERE conversation_id = :c
                        ORDER BY CASE lang WHEN 'en' THEN 0 WHEN 'ja' THEN 1 ELSE 2 END LIMIT 1""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Summary(rs.getString(1), rs.getString(2)))
                .findOne()
                .or(() -> handle.createQuery("SELECT 1 FROM conversation WHERE id = :c")
                        .bind("c", conversationId)
                        .mapTo(Integer.class)
                        .findOne()
                        .map(found -> Summary.EMPTY))
                .orElseThrow(() -> NotFound.of("conversation", conversationId));

        Map<Long, String> participantExternal = new LinkedHashMap<>();
        handle.createQuery("SELECT id, external_id FROM participant WHERE conversation_id = :c ORDER BY id")
                .bind("c", conversationId)
                .map((rs, ctx) -> participantExternal.put(rs.getLong(1), rs.getString(2)))
                .forEach(ignored -> {});
        Map<Long, Integer> participantIds = polisIds(participantExternal);

        List<StatementRow> statements = handle.createQuery("""
                        SELECT id, external_id, text, author_participant_id, is_seed,
                               CASE WHEN moderation_state = 'accepted' AND moderated_at IS NULL THEN 'unmoderated'
                                    ELSE moderation_state END, %s
                        FROM statement WHERE conversation_id = :c ORDER BY id""".formatted(EPOCH_MILLIS.formatted("created_at")))
                .bind("c", conversationId)
                .map((rs, ctx) -> new StatementRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
        Map<Long, String> statementExternal = new LinkedHashMap<>();
        statements.forEach(s -> statementExternal.put(s.id(), s.externalId()));
        Map<Long, Integer> statementIds = polisIds(statementExternal);
        List<Comment> comments = new ArrayList<>(statements.size());
        for (StatementRow s : statements) {
            OptionalInt author =
                    s.author() == null ? OptionalInt.empty() : OptionalInt.of(participantIds.get(s.author()));
            comments.add(new Comment(
                    statementIds.get(s.id()), s.createdAt(), author, moderation(s.state()), s.seed(), s.text()));
        }

        // Ordered as current_vote is derived: by time, and among equal times by the order of recording.
        List<VoteEvent> votes = handle.createQuery("""
                        SELECT participant_id, statement_id, value, %s FROM vote_event
                        WHERE conversation_id = :c ORDER BY cast_at, id""".formatted(EPOCH_MILLIS.formatted("cast_at")))
                .bind("c", conversationId)
                .setFetchSize(10_000)
                .map((rs, ctx) -> new VoteEvent(
                        rs.getLong(4),
                        statementIds.get(rs.getLong(2)),
                        participantIds.get(rs.getLong(1)),
                        rs.getShort(3)))
                .list();

        List<String> dimensions = handle.createQuery(
                        "SELECT name FROM cohort_dimension WHERE conversation_id = :c ORDER BY position, id")
                .bind("c", conversationId)
                .mapTo(String.class)
                .list();
        Map<Long, Map<String, String>> cohorts = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT pc.participant_id, d.name, pc.value
                        FROM participant_cohort pc JOIN cohort_dimension d ON d.id = pc.dimension_id
                        WHERE d.conversation_id = :c ORDER BY pc.participant_id, d.position, d.id""")
                .bind("c", conversationId)
                .map((rs, ctx) -> cohorts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .forEach(ignored -> {});
        List<Voter> participants = new ArrayList<>(participantIds.size());
        participantIds.forEach(
                (id, polisId) -> participants.add(new Voter(polisId, cohorts.getOrDefault(id, Map.of()))));

        return new PolisExport(summary, comments, votes, VoteSource.HISTORY, dimensions, participants);
    }

    /** Pol.is integer ids for database rows: numeric external ids kept, the rest numbered after them. */
    static Map<Long, Integer> polisIds(Map<Long, String> externalIds) {
        Map<Long, Integer> ids = new HashMap<>(externalIds.size() * 2);
        Set<Integer> taken = new HashSet<>();
        for (var e : externalIds.entrySet()) {
            Integer numeric = numeric(e.getValue());
            if (numeric != null && taken.add(numeric)) {
                ids.put(e.getKey(), numeric);
            }
        }
        int next = taken.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (Long id : externalIds.keySet()) {
            if (!ids.containsKey(id)) {
                ids.put(id, next++);
            }
        }
        return ids;
    }

    private static Integer numeric(String externalId) {
        if (externalId == null
                || externalId.isEmpty()
                || externalId.length() > 9
                || !externalId.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(externalId);
    }

    /** Our state as Pol.is's column; an accepted statement no moderator decided on is Pol.is's "unmoderated". */
    private static Moderation moderation(String state) {
        return switch (state) {
            case "accepted" -> Moderation.ACCEPTED;
            case "rejected" -> Moderation.REJECTED;
            default -> Moderation.UNMODERATED;
        };
    }
}
