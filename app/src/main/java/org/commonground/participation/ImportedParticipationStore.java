package org.commonground.participation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.commonground.db.CopyRows;
import org.commonground.participation.Participants.ImportedAnswer;
import org.commonground.participation.Participants.ImportedParticipant;
import org.commonground.participation.Votes.ImportedVotes;
import org.jdbi.v3.core.Handle;

/** Bulk writes (COPY) of an imported conversation's participants and votes, on the importing transaction's handle. */
final class ImportedParticipationStore {
    private static final int VOTE_CHUNK = 10_000;

    private ImportedParticipationStore() {}

    static Map<String, Long> insertParticipants(Handle h, long conversationId, List<ImportedParticipant> people) {
        CopyRows rows = CopyRows.into("participant (conversation_id, external_id, created_at)");
        for (ImportedParticipant p : people) {
            rows.row(conversationId, p.externalId(), p.createdAt().toString());
        }
        rows.copy(h);
        Map<String, Long> byExternal = new HashMap<>(people.size() * 2);
        h.createQuery("SELECT external_id, id FROM participant WHERE conversation_id = :c AND external_id IS NOT NULL")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> byExternal.put(e.getKey(), e.getValue()));
        return byExternal;
    }

    static void insertAnswers(Handle h, List<ImportedAnswer> answers) {
        CopyRows rows = CopyRows.into("participant_cohort (participant_id, dimension_id, value)");
        for (ImportedAnswer a : answers) {
            rows.row(a.participantId(), a.dimensionId(), a.value());
        }
        rows.copy(h);
    }

    static long insertVotes(
            Handle h, long conversationId, ImportedVotes history, ImportedVotes current, LongConsumer copied) {
        long done = 0;
        CopyRows events = CopyRows.into("vote_event (conversation_id, participant_id, statement_id, value, cast_at)");
        for (int i = 0; i < history.size(); i++) {
            events.row(
                    conversationId,
                    history.participant(i),
                    history.statement(i),
                    history.value(i),
                    Instant.ofEpochMilli(history.castAtMillis(i)).toString());
            if (events.size() == VOTE_CHUNK) {
                done += events.copy(h);
                copied.accept(done);
            }
        }
        done += events.copy(h);
        CopyRows latest = CopyRows.into("current_vote (participant_id, statement_id, conversation_id, value, cast_at)");
        for (int i = 0; i < current.size(); i++) {
            latest.row(
                    current.participant(i),
                    current.statement(i),
                    conversationId,
                    current.value(i),
                    Instant.ofEpochMilli(current.castAtMillis(i)).toString());
        }
        done += latest.copy(h);
        copied.accept(done);
        return done;
    }

    /**
     * Rows of the conversation that refer outside it: votes whose participant is not one of its
     * participants or whose statement is not among {@code statementIds}, and cohort answers whose
     * value is not one of the pairs {@code dimensionIds[i]}, {@code values[i]}.
     */
    static long dangling(Handle h, long conversationId, long[] statementIds, long[] dimensionIds, String[] values) {
        return h.createQuery("""
                        SELECT (SELECT count(*) FROM vote_event v
                                WHERE v.conversation_id = :c AND (
                                    NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = v.participant_id AND p.conversation_id = :c)
                                    OR NOT (v.statement_id = ANY(:statements))))
                             + (SELECT count(*) FROM current_vote v
                                WHERE v.conversation_id = :c AND (
                                    NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = v.participant_id AND p.conversation_id = :c)
                                    OR NOT (v.statement_id = ANY(:statements))))
                             + (SELECT count(*) FROM participant_cohort pc JOIN participant p ON p.id = pc.participant_id
                                WHERE p.conversation_id = :c AND NOT EXISTS (
                                    SELECT 1 FROM unnest(CAST(:dimensions AS bigint[]), CAST(:values AS text[])) AS a (d, v)
                                    WHERE a.d = pc.dimension_id AND a.v = pc.value))""")
                .bind("c", conversationId)
                .bind("statements", statementIds)
                .bind("dimensions", dimensionIds)
                .bind("values", values)
                .mapTo(Long.class)
                .one();
    }
}
