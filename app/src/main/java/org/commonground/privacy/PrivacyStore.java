package org.commonground.privacy;

import java.util.List;
import java.util.Set;
import org.commonground.participation.Participant;
import org.commonground.participation.Participants;
import org.commonground.statement.Statements;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The conversation's erasure policy ({@code privacy_setting}) and the erasure itself: one
 * transaction over the statement feature's and the participation feature's own handle methods,
 * so a participant's data is erased all or not at all.
 */
final class PrivacyStore {
    private final Jdbi jdbi;

    PrivacyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What an erasure did.
     *
     * @param votes      the participant's vote events deleted (changes of vote included)
     * @param deleted    their statements deleted
     * @param anonymised their statements kept without author
     */
    record Erased(ErasurePolicy policy, int votes, List<Long> deleted, List<Long> anonymised) {}

    ErasurePolicy erasure(long conversationId) {
        return jdbi.withHandle(h -> erasure(h, conversationId));
    }

    void setErasure(long conversationId, ErasurePolicy policy) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO privacy_setting (conversation_id, erasure) VALUES (:c, :e)
                        ON CONFLICT (conversation_id) DO UPDATE SET erasure = :e, updated_at = now()""")
                .bind("c", conversationId)
                .bind("e", policy.code())
                .execute());
    }

    /**
     * Erases the participant's data under the conversation's policy, all or nothing. Their
     * statements are locked first, so a vote on one cannot slip in between deciding whether
     * others voted on it and deleting it.
     */
    Erased erase(Participant p) {
        return jdbi.inTransaction(h -> {
            ErasurePolicy policy = erasure(h, p.conversationId());
            List<Long> authored = Statements.lockAuthoredBy(h, p.id());
            // Counted first: deleting their statements takes their own votes on them too.
            int votes = Participants.voteEvents(h, p.id());
            Set<Long> votedOn =
                    policy == ErasurePolicy.ANONYMISE ? Participants.votedOnByOthers(h, p.id(), authored) : Set.of();
            List<Long> anonymised = authored.stream().filter(votedOn::contains).toList();
            List<Long> deleted =
                    authored.stream().filter(id -> !votedOn.contains(id)).toList();
            Statements.removeAuthor(h, anonymised);
            Statements.delete(h, deleted);
            Participants.erase(h, p.id());
            return new Erased(policy, votes, deleted, anonymised);
        });
    }

    private static ErasurePolicy erasure(Handle h, long conversationId) {
        return h.createQuery("SELECT erasure FROM privacy_setting WHERE conversation_id = :c")
                .bind("c", conversationId)
                .mapTo(String.class)
                .findOne()
                .flatMap(ErasurePolicy::parse)
                .orElse(ErasurePolicy.DEFAULT);
    }
}
