package org.commonground.integrity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The integrity feature's tables: {@code participant_exclusion} (who is left out of the analysis
 * now) and {@code exclusion_audit} (every decision, never changed). An exclusion is a flag; the
 * participant and their votes stay in participation's tables untouched.
 */
final class IntegrityStore {
    private final Jdbi jdbi;

    IntegrityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Excluded excluded(long conversationId) {
        return jdbi.withHandle(h -> {
            long[] ids = h
                    .createQuery(
                            "SELECT participant_id FROM participant_exclusion WHERE conversation_id = :c ORDER BY participant_id")
                    .bind("c", conversationId)
                    .mapTo(Long.class)
                    .stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            if (ids.length == 0) {
                return Excluded.NONE;
            }
            Map<ExclusionReason, Integer> byReason = new EnumMap<>(ExclusionReason.class);
            h.createQuery("""
                            SELECT reason, count(*) FROM participant_exclusion
                            WHERE conversation_id = :c GROUP BY reason""")
                    .bind("c", conversationId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> byReason.put(ExclusionReason.parse(e.getKey()).orElseThrow(), e.getValue()));
            return new Excluded(ids, Map.copyOf(byReason));
        });
    }

    /** Leaves {@code participantIds} (all of the conversation, checked by the caller) out, in one transaction. */
    AuditEntry exclude(
            long conversationId,
            long[] participantIds,
            ExclusionReason reason,
            String note,
            long accountId,
            String accountEmail,
            Instant at) {
        return jdbi.inTransaction(h -> {
            long audit = audit(h, conversationId, "exclude", reason.code(), note, accountId, accountEmail, at);
            long[] changed = h
                    .createQuery("""
                            INSERT INTO participant_exclusion (participant_id, conversation_id, reason, audit_id, excluded_at)
                            SELECT p, :c, :reason, :audit, :at FROM unnest(:ids) AS p
                            ON CONFLICT (participant_id) DO NOTHING
                            RETURNING participant_id""")
                    .bind("c", conversationId)
                    .bind("reason", reason.code())
                    .bind("audit", audit)
                    .bind("at", at)
                    .bind("ids", participantIds)
                    .mapTo(Long.class)
                    .stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            return changed(h, audit, changed);
        });
    }

    /** Brings those of {@code participantIds} that are left out back into the analysis, in one transaction. */
    AuditEntry restore(
            long conversationId, long[] participantIds, String note, long accountId, String accountEmail, Instant at) {
        return jdbi.inTransaction(h -> {
            long audit = audit(h, conversationId, "restore", null, note, accountId, accountEmail, at);
            long[] changed =
                    h.createQuery("""
                            DELETE FROM participant_exclusion
                            WHERE conversation_id = :c AND participant_id = ANY(:ids)
                            RETURNING participant_id""").bind("c", conversationId).bind("ids", participantIds).mapTo(Long.class).stream()
                            .mapToLong(Long::longValue)
                            .sorted()
                            .toArray();
            return changed(h, audit, changed);
        });
    }

    /** The conversation's audit log, newest first. */
    List<AuditEntry> audit(long conversationId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, action, reason, note, participants, participant_ids, account_email, decided_at
                        FROM exclusion_audit WHERE conversation_id = :c ORDER BY id DESC LIMIT :limit""")
                .bind("c", conversationId)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** One entry of the conversation's log. */
    java.util.Optional<AuditEntry> entry(long conversationId, long auditId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, action, reason, note, participants, participant_ids, account_email, decided_at
                        FROM exclusion_audit WHERE conversation_id = :c AND id = :id""")
                .bind("c", conversationId)
                .bind("id", auditId)
                .map((rs, ctx) -> entry(rs))
                .findOne());
    }

    private static long audit(
            Handle h,
            long conversationId,
            String action,
            String reason,
            String note,
            long accountId,
            String accountEmail,
            Instant at) {
        return h.createQuery("""
                        INSERT INTO exclusion_audit
                            (conversation_id, action, reason, note, participants, participant_ids, account_id, account_email, decided_at)
                        VALUES (:c, :action, :reason, :note, 0, '{}', :account, :email, :at)
                        RETURNING id""")
                .bind("c", conversationId)
                .bind("action", action)
                .bind("reason", reason)
                .bind("note", note)
                .bind("account", accountId)
                .bind("email", accountEmail)
                .bind("at", at)
                .mapTo(Long.class)
                .one();
    }

    private static AuditEntry changed(Handle h, long audit, long[] changed) {
        return h.createQuery("""
                        UPDATE exclusion_audit SET participants = :n, participant_ids = :ids WHERE id = :id
                        RETURNING id, action, reason, note, participants, participant_ids, account_email, decided_at""")
                .bind("n", changed.length)
                .bind("ids", changed)
                .bind("id", audit)
                .map((rs, ctx) -> entry(rs))
                .one();
    }

    private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long[] ids = (Long[]) rs.getArray(6).getArray();
        return new AuditEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                Arrays.asList(ids),
                rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
