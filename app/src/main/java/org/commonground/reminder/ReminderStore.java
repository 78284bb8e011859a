package org.commonground.reminder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code mail_subscription} rows (sealed addresses) and {@code team_digest} rows. */
final class ReminderStore {
    private final Jdbi jdbi;

    ReminderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Subscription(
            long id,
            long conversationId,
            long participantId,
            byte[] addressSealed,
            String language,
            String baseUrl,
            Instant consentedAt,
            Instant lastDigestAt) {}

    /** Records (or replaces) the participant's address and consent. */
    long subscribe(
            long conversationId, long participantId, byte[] sealed, String language, String baseUrl, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO mail_subscription (conversation_id, participant_id, address_sealed, language, base_url, consented_at)
                        VALUES (:c, :p, :sealed, :lang, :base, :now)
                        ON CONFLICT (participant_id) DO UPDATE SET address_sealed = EXCLUDED.address_sealed,
                            language = EXCLUDED.language, base_url = EXCLUDED.base_url, consented_at = EXCLUDED.consented_at""")
                .bind("c", conversationId)
                .bind("p", participantId)
                .bind("sealed", sealed)
                .bind("lang", language)
                .bind("base", baseUrl)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    Optional<Subscription> ofParticipant(long participantId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE participant_id = :p")
                .bind("p", participantId)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    Optional<Subscription> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    List<Subscription> inConversations(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE conversation_id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(conversationIds))
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** Subscriptions whose last digest is older than {@code before} (or that never had one). */
    List<Subscription> digestDue(Instant before) {
        return jdbi.withHandle(
                h -> h.createQuery(SELECT + " WHERE last_digest_at IS NULL OR last_digest_at < :before ORDER BY id")
                        .bind("before", before.atOffset(ZoneOffset.UTC))
                        .map((rs, ctx) -> row(rs))
                        .list());
    }

    /** Deletes the address: false when there was none. */
    boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM mail_subscription WHERE id = :id")
                        .bind("id", id)
                        .execute()
                == 1);
    }

    boolean deleteOfParticipant(long participantId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM mail_subscription WHERE participant_id = :p")
                        .bind("p", participantId)
                        .execute()
                == 1);
    }

    /** Marks the digest sent, in the transaction that queues its mail. */
    void digestSent(long id, Instant now, Consumer<Handle> alongside) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE mail_subscription SET last_digest_at = :now WHERE id = :id")
                    .bind("id", id)
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .execute();
            alongside.accept(h);
        });
    }

    /** Runs {@code send} in a transaction of its own (mail queued for several recipients at once). */
    void inTransaction(Consumer<Handle> send) {
        jdbi.useTransaction(send::accept);
    }

    Optional<Instant> teamDigestSentAt(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_sent_at FROM team_digest WHERE conversation_id = :c")
                .bind("c", conversationId)
                .mapTo(java.time.OffsetDateTime.class)
                .findOne()
                .map(java.time.OffsetDateTime::toInstant));
    }

    void teamDigestSent(long conversationId, Instant now, Consumer<Handle> alongside) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO team_digest (conversation_id, last_sent_at) VALUES (:c, :now)
                            ON CONFLICT (conversation_id) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at""")
                    .bind("c", conversationId)
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .execute();
            alongside.accept(h);
        });
    }

    private static final String SELECT = """
            SELECT id, conversation_id, participant_id, address_sealed, language, base_url, consented_at, last_digest_at
            FROM mail_subscription""";

    private static Subscription row(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp last = rs.getTimestamp("last_digest_at");
        return new Subscription(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                rs.getLong("participant_id"),
                rs.getBytes("address_sealed"),
                rs.getString("language"),
                rs.getString("base_url"),
                rs.getTimestamp("consented_at").toInstant(),
                last == null ? null : last.toInstant());
    }
}
