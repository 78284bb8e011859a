package org.commonground.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Dialogues, their texts, rounds and carried statements ({@code dialogue}, {@code dialogue_text},
 * {@code dialogue_round}, {@code dialogue_carried}). Conversations and statements are referred to by
 * id only: their rows are their owners'. Stateless; every method is its own transaction.
 */
final class DialogueStore {
    private final Jdbi jdbi;

    DialogueStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A statement carried into a later round: its copy, the statement copied, and the one it first was. */
    record Carried(long statementId, long fromStatementId, long originStatementId) {}

    /** A new dialogue whose round 1 is {@code firstConversationId}. */
    Dialogue create(
            Long ownerId,
            Map<Language, Dialogue.DialogueText> texts,
            long firstConversationId,
            Instant opensAt,
            Instant closesAt) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO dialogue (owner_id) VALUES (:owner)")
                    .bind("owner", ownerId)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            insertTexts(h, id, texts);
            insertRound(h, id, 1, firstConversationId, opensAt, closesAt);
            return load(h, id).orElseThrow();
        });
    }

    Optional<Dialogue> find(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** The dialogue or 404. */
    Dialogue get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("dialogue", id));
    }

    /** Every dialogue, newest first, at most {@code limit}. */
    List<Dialogue> newest(int limit) {
        return jdbi.withHandle(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM dialogue ORDER BY id DESC LIMIT :limit")
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            List<Dialogue> out = new ArrayList<>();
            for (long id : ids) {
                load(h, id).ifPresent(out::add);
            }
            return out;
        });
    }

    /** The dialogue a conversation is a round of, if any. */
    Optional<Long> dialogueOf(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT dialogue_id FROM dialogue_round WHERE conversation_id = :c")
                .bind("c", conversationId)
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * Adds the next round and records the statements carried into it, in one transaction that
     * locks the dialogue: two organizers adding a round at once get rounds n and n + 1, never two n.
     * 409 when the conversation already is a round (of this or another dialogue).
     */
    /**
     * Runs {@code work} as one transaction: every store it calls on this thread joins it (Jdbi lends
     * the open handle to nested calls, and a nested transaction is part of the outer one), so what it
     * writes in every owner's tables is committed together or not at all.
     */
    <T> T atomically(java.util.function.Supplier<T> work) {
        return jdbi.inTransaction(h -> work.get());
    }

    Dialogue addRound(long dialogueId, long conversationId, Instant opensAt, Instant closesAt, List<Carried> carried) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM dialogue WHERE id = :id FOR UPDATE")
                    .bind("id", dialogueId)
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> NotFound.of("dialogue", dialogueId));
            int next = h.createQuery("SELECT coalesce(max(number), 0) + 1 FROM dialogue_round WHERE dialogue_id = :id")
                    .bind("id", dialogueId)
                    .mapTo(Integer.class)
                    .one();
            insertRound(h, dialogueId, next, conversationId, opensAt, closesAt);
            var insert = h.prepareBatch("""
                    INSERT INTO dialogue_carried (statement_id, dialogue_id, from_statement_id, origin_statement_id)
                    VALUES (:statement, :dialogue, :from, :origin)""");
            for (Carried c : carried) {
                insert.bind("statement", c.statementId())
                        .bind("dialogue", dialogueId)
                        .bind("from", c.fromStatementId())
                        .bind("origin", c.originStatementId())
                        .add();
            }
            if (!carried.isEmpty()) {
                insert.execute();
            }
            touch(h, dialogueId);
            return load(h, dialogueId).orElseThrow();
        });
    }

    /** Sets a round's schedule; 404 when the dialogue has no such round. */
    Dialogue schedule(long dialogueId, int number, Instant opensAt, Instant closesAt) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE dialogue_round SET opens_at = :opens, closes_at = :closes
                            WHERE dialogue_id = :id AND number = :number""")
                    .bind("opens", opensAt)
                    .bind("closes", closesAt)
                    .bind("id", dialogueId)
                    .bind("number", number)
                    .execute();
            if (changed == 0) {
                throw new NotFound("dialogue-round-not-found", "problem.dialogue-round-not-found", number);
            }
            touch(h, dialogueId);
            return load(h, dialogueId).orElseThrow();
        });
    }

    /** Every statement carried in the dialogue, oldest first. */
    List<Carried> carried(long dialogueId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT statement_id, from_statement_id, origin_statement_id FROM dialogue_carried
                        WHERE dialogue_id = :id ORDER BY statement_id""")
                .bind("id", dialogueId)
                .map((rs, ctx) -> new Carried(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list());
    }

    private static void touch(Handle h, long id) {
        h.createUpdate("UPDATE dialogue SET updated_at = now() WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    private static void insertTexts(Handle h, long id, Map<Language, Dialogue.DialogueText> texts) {
        var insert = h.prepareBatch(
                "INSERT INTO dialogue_text (dialogue_id, lang, title, description) VALUES (:id, :lang, :title, :description)");
        texts.forEach((lang, t) -> insert.bind("id", id)
                .bind("lang", lang.code())
                .bind("title", t.title())
                .bind("description", t.description())
                .add());
        insert.execute();
    }

    private static void insertRound(
            Handle h, long dialogueId, int number, long conversationId, Instant opensAt, Instant closesAt) {
        boolean taken = h.createQuery("SELECT count(*) > 0 FROM dialogue_round WHERE conversation_id = :c")
                .bind("c", conversationId)
                .mapTo(Boolean.class)
                .one();
        if (taken) {
            throw new Conflict("dialogue-round-taken", "problem.dialogue-round-taken", conversationId);
        }
        h.createUpdate("""
                        INSERT INTO dialogue_round (dialogue_id, number, conversation_id, opens_at, closes_at)
                        VALUES (:dialogue, :number, :conversation, :opens, :closes)""")
                .bind("dialogue", dialogueId)
                .bind("number", number)
                .bind("conversation", conversationId)
                .bind("opens", opensAt)
                .bind("closes", closesAt)
                .execute();
    }

    private static Optional<Dialogue> load(Handle h, long id) {
        record Row(long id, Long ownerId, Instant createdAt, Instant updatedAt) {}
        Optional<Row> row = h.createQuery("SELECT id, owner_id, created_at, updated_at FROM dialogue WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<Language, Dialogue.DialogueText> texts = new EnumMap<>(Language.class);
        h.createQuery("SELECT lang, title, description FROM dialogue_text WHERE dialogue_id = :id")
                .bind("id", id)
                .map((rs, ctx) ->
                        Map.entry(rs.getString(1), new Dialogue.DialogueText(rs.getString(2), rs.getString(3))))
                .forEach(e -> Language.parse(e.getKey()).ifPresent(l -> texts.put(l, e.getValue())));
        List<Dialogue.Round> rounds = h.createQuery("""
                        SELECT number, conversation_id, opens_at, closes_at FROM dialogue_round
                        WHERE dialogue_id = :id ORDER BY number""")
                .bind("id", id)
                .map((rs, ctx) -> new Dialogue.Round(
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
        Row r = row.get();
        return Optional.of(new Dialogue(
                r.id(),
                r.ownerId(),
                java.util.Collections.unmodifiableMap(texts),
                rounds,
                r.createdAt(),
                r.updatedAt()));
    }
}
