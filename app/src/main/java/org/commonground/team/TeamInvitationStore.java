package org.commonground.team;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code team_invitation} rows: the token's hash, never the token. */
final class TeamInvitationStore {
    private final Jdbi jdbi;

    TeamInvitationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Invitation(
            long id,
            String scope,
            long scopeId,
            String email,
            String role,
            String country,
            String language,
            Instant createdAt,
            Instant expiresAt,
            Instant acceptedAt) {
        boolean open(Instant now) {
            return acceptedAt == null && now.isBefore(expiresAt);
        }
    }

    record NewInvitation(
            String scope,
            long scopeId,
            String email,
            String role,
            String country,
            String language,
            String tokenHash,
            long invitedBy,
            Instant now,
            Instant expiresAt) {}

    /** Records the invitation and, on the same transaction, whatever must commit with it (its mail). */
    Invitation create(NewInvitation in, Consumer<Handle> alongside) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO team_invitation (scope, scope_id, email, role, country, language, token_hash,
                                invited_by, created_at, expires_at)
                            VALUES (:scope, :scopeId, :email, :role, :country, :language, :hash, :by, :now, :expires)""")
                    .bind("scope", in.scope())
                    .bind("scopeId", in.scopeId())
                    .bind("email", in.email())
                    .bind("role", in.role())
                    .bind("country", in.country())
                    .bind("language", in.language())
                    .bind("hash", in.tokenHash())
                    .bind("by", in.invitedBy())
                    .bind("now", in.now().atOffset(ZoneOffset.UTC))
                    .bind("expires", in.expiresAt().atOffset(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            alongside.accept(h);
            return new Invitation(
                    id,
                    in.scope(),
                    in.scopeId(),
                    in.email(),
                    in.role(),
                    in.country(),
                    in.language(),
                    in.now(),
                    in.expiresAt(),
                    null);
        });
    }

    Optional<Invitation> byTokenHash(String hash) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                        SELECT id, scope, scope_id, email, role, country, language, created_at, expires_at, accepted_at
                        FROM team_invitation WHERE token_hash = :hash""").bind("hash", hash).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The scope's invitations, newest first (the organizer's page). */
    List<Invitation> of(String scope, long scopeId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, scope, scope_id, email, role, country, language, created_at, expires_at, accepted_at
                        FROM team_invitation WHERE scope = :scope AND scope_id = :id ORDER BY created_at DESC, id DESC""")
                .bind("scope", scope)
                .bind("id", scopeId)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** How many invitations the account sent since {@code since}: the daily cap's count. */
    int sentBy(long accountId, Instant since) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM team_invitation WHERE invited_by = :a AND created_at > :since")
                        .bind("a", accountId)
                        .bind("since", since.atOffset(ZoneOffset.UTC))
                        .mapTo(Integer.class)
                        .one());
    }

    /** Marks it accepted unless it already was or has expired: false then (the link is used up). */
    boolean accept(long id, long accountId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE team_invitation SET accepted_at = :now, accepted_by = :account
                                WHERE id = :id AND accepted_at IS NULL AND expires_at > :now""")
                        .bind("id", id)
                        .bind("account", accountId)
                        .bind("now", now.atOffset(ZoneOffset.UTC))
                        .execute()
                == 1);
    }

    private static Invitation row(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Invitation(
                rs.getLong("id"),
                rs.getString("scope"),
                rs.getLong("scope_id"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("country"),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                accepted == null ? null : accepted.toInstant());
    }
}
