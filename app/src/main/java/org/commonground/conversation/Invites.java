package org.commonground.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Invite links of conversations and their redemption (the conversation feature's {@code invite} tables); {@link ConversationFeature#invites()} gives the server's.
 */
public interface Invites {
    static final int LABEL_MAX = 100;

    static final int MAX_USES_LIMIT = 1_000_000;

    static Invites over(Jdbi jdbi) {
        return new InviteStore(jdbi);
    }

    /** An invite; {@code cohort} maps dimension names to the values the invite fixes. */
    record Invite(
            long id,
            long conversationId,
            String code,
            String label,
            Integer maxUses,
            int uses,
            Map<String, String> cohort,
            Instant createdAt,
            Instant revokedAt) {
        public boolean usable() {
            return revokedAt == null && (maxUses == null || uses < maxUses);
        }
    }

    /** A counted use of an invite: the conversation it admits to and the cohort values it fixes, by dimension id. */
    record Redemption(long inviteId, long conversationId, Map<Long, String> cohortByDimensionId) {}

    /**
     * Creates an invite. Every fixed value must be an allowed value of one of the conversation's
     * dimensions, and every dimension that is fixed by invite must be given one (422 otherwise).
     */
    Invite create(long conversationId, String rawLabel, Integer maxUses, Map<String, String> cohort);

    List<Invite> of(long conversationId);

    /** The invite with this code, if any (for a join page to show what the link fixes). */
    Optional<Invite> byCode(String code);

    /** Revokes an invite of this conversation (again is harmless); 404 if the conversation has no such invite. */
    void revoke(long conversationId, long inviteId);

    /**
     * Counts one use of the invite inside the caller's transaction and tells what it fixes. Unknown
     * codes are 404; revoked and used-up invites are 410 (the link existed but no longer admits).
     */
    Redemption redeem(Handle h, String code);
}
