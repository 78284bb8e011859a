package org.commonground.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Returning participants ({@code dialogue_person}, {@code dialogue_person_round}): one pseudonym per
 * person who asked to come back, and their participant in each round. Only hashes of the return
 * token and recovery code are stored, so a leaked database returns nobody.
 */
final class ReturningStore {
    private final Jdbi jdbi;

    ReturningStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One person's participant in one round. */
    record PersonRound(long personId, long conversationId, long participantId) {}

    /** A new returning person whose participant in {@code conversationId} is {@code participantId}. */
    long create(long dialogueId, String tokenHash, String codeHash, long conversationId, long participantId) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO dialogue_person (dialogue_id, return_token_hash, recovery_code_hash)
                            VALUES (:dialogue, :token, :code)""")
                    .bind("dialogue", dialogueId)
                    .bind("token", tokenHash)
                    .bind("code", codeHash)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("""
                            INSERT INTO dialogue_person_round (person_id, conversation_id, participant_id)
                            VALUES (:person, :conversation, :participant)""")
                    .bind("person", id)
                    .bind("conversation", conversationId)
                    .bind("participant", participantId)
                    .execute();
            return id;
        });
    }

    /** The person of the dialogue with this return token hash. */
    Optional<Long> byToken(long dialogueId, String tokenHash) {
        return by("return_token_hash", dialogueId, tokenHash);
    }

    /** The person of the dialogue with this recovery code hash. */
    Optional<Long> byCode(long dialogueId, String codeHash) {
        return by("recovery_code_hash", dialogueId, codeHash);
    }

    private Optional<Long> by(String column, long dialogueId, String hash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM dialogue_person WHERE dialogue_id = :dialogue AND " + column + " = :hash")
                .bind("dialogue", dialogueId)
                .bind("hash", hash)
                .mapTo(Long.class)
                .findOne());
    }

    /** The returning person a participant is, if they are one. */
    Optional<Long> personOf(long participantId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT person_id FROM dialogue_person_round WHERE participant_id = :p")
                        .bind("p", participantId)
                        .mapTo(Long.class)
                        .findOne());
    }

    /** A new return token (the old link stops working) and, when {@code codeHash} is not null, a new recovery code. */
    void renew(long personId, String tokenHash, String codeHash) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE dialogue_person SET return_token_hash = :token,
                               recovery_code_hash = coalesce(:code, recovery_code_hash)
                        WHERE id = :id""")
                .bind("token", tokenHash)
                .bind("code", codeHash)
                .bind("id", personId)
                .execute());
    }

    /** Records the person's participant in a round; false when they already have one there. */
    boolean link(long personId, long conversationId, long participantId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                INSERT INTO dialogue_person_round (person_id, conversation_id, participant_id)
                                VALUES (:person, :conversation, :participant) ON CONFLICT DO NOTHING""")
                        .bind("person", personId)
                        .bind("conversation", conversationId)
                        .bind("participant", participantId)
                        .execute()
                > 0);
    }

    /** The person's participant per round conversation. */
    Map<Long, Long> roundsOf(long personId) {
        Map<Long, Long> out = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT conversation_id, participant_id FROM dialogue_person_round WHERE person_id = :p")
                .bind("p", personId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Every returning person's participant in every round they were in, by person. */
    List<PersonRound> people(long dialogueId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT pr.person_id, pr.conversation_id, pr.participant_id
                        FROM dialogue_person_round pr JOIN dialogue_person p ON p.id = pr.person_id
                        WHERE p.dialogue_id = :d ORDER BY pr.person_id""")
                .bind("d", dialogueId)
                .map((rs, ctx) -> new PersonRound(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list());
    }

    /** Writes many persons and their rounds at once (the demo), each as (token hash, code hash, conversation → participant). */
    void createAll(long dialogueId, List<SeededPerson> persons) {
        jdbi.useTransaction(h -> {
            for (SeededPerson p : persons) {
                long id = h.createUpdate("""
                                INSERT INTO dialogue_person (dialogue_id, return_token_hash, recovery_code_hash)
                                VALUES (:dialogue, :token, :code)""")
                        .bind("dialogue", dialogueId)
                        .bind("token", p.tokenHash())
                        .bind("code", p.codeHash())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                var insert = h.prepareBatch("""
                        INSERT INTO dialogue_person_round (person_id, conversation_id, participant_id)
                        VALUES (:person, :conversation, :participant)""");
                p.participants()
                        .forEach((conversation, participant) -> insert.bind("person", id)
                                .bind("conversation", conversation)
                                .bind("participant", participant)
                                .add());
                insert.execute();
            }
        });
    }

    /** A returning person as the demo seeds them. */
    record SeededPerson(String tokenHash, String codeHash, Map<Long, Long> participants) {}
}
