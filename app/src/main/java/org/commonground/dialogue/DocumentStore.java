package org.commonground.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.problem.NotFound;
import org.commonground.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The shared-understanding document's rows ({@code dialogue_editor}, {@code dialogue_section},
 * {@code dialogue_clause}, {@code dialogue_document_version}, {@code dialogue_version_approval}).
 * Accounts and statements are referred to by id only. Every method is its own transaction.
 */
final class DocumentStore {
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final Jdbi jdbi;

    DocumentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An editor row: the account, its country cohort, since when. */
    record EditorRow(long accountId, String country, Instant grantedAt) {}

    /** Makes the account an editor of the dialogue for {@code country} (the country of an earlier grant is replaced). */
    void grantEditor(long dialogueId, long accountId, String country, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO dialogue_editor (dialogue_id, account_id, country, granted_at)
                        VALUES (:dialogue, :account, :country, :at)
                        ON CONFLICT (dialogue_id, account_id) DO UPDATE SET country = excluded.country""")
                .bind("dialogue", dialogueId)
                .bind("account", accountId)
                .bind("country", country)
                .bind("at", at)
                .execute());
    }

    List<EditorRow> editors(long dialogueId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT account_id, country, granted_at FROM dialogue_editor
                        WHERE dialogue_id = :d ORDER BY country, granted_at, account_id""")
                .bind("d", dialogueId)
                .map((rs, ctx) -> new EditorRow(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
    }

    /** The country the account edits the dialogue for, if it is one of its editors. */
    Optional<String> countryOf(long dialogueId, long accountId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT country FROM dialogue_editor WHERE dialogue_id = :d AND account_id = :a")
                        .bind("d", dialogueId)
                        .bind("a", accountId)
                        .mapTo(String.class)
                        .findOne());
    }

    /** The working draft: every section in order with every clause, approved or not. */
    List<SharedDocument.Section> sections(long dialogueId) {
        return jdbi.withHandle(h -> {
            Map<Long, List<SharedDocument.Clause>> clauses = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT c.section_id, c.id, c.position, c.texts::text, c.cites, c.approved, c.origin, c.flagged
                            FROM dialogue_clause c JOIN dialogue_section s ON s.id = c.section_id
                            WHERE s.dialogue_id = :d ORDER BY c.position, c.id""")
                    .bind("d", dialogueId)
                    .map((rs, ctx) -> Map.entry(
                            rs.getLong(1),
                            new SharedDocument.Clause(
                                    rs.getLong(2),
                                    rs.getInt(3),
                                    texts(rs.getString(4)),
                                    ids(rs.getArray(5)),
                                    rs.getBoolean(6),
                                    rs.getString(7),
                                    ids(rs.getArray(8)))))
                    .forEach(e -> clauses.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            return h.createQuery("""
                            SELECT id, position, titles::text FROM dialogue_section
                            WHERE dialogue_id = :d ORDER BY position, id""")
                    .bind("d", dialogueId)
                    .map((rs, ctx) -> new SharedDocument.Section(
                            rs.getLong(1),
                            rs.getInt(2),
                            texts(rs.getString(3)),
                            List.copyOf(clauses.getOrDefault(rs.getLong(1), List.of()))))
                    .list();
        });
    }

    /** A new last section; its id. */
    long addSection(long dialogueId, Map<String, String> titles) {
        return jdbi.inTransaction(h -> {
            lock(h, dialogueId);
            return h.createUpdate("""
                            INSERT INTO dialogue_section (dialogue_id, position, titles)
                            VALUES (:d, (SELECT coalesce(max(position), 0) + 1 FROM dialogue_section WHERE dialogue_id = :d),
                                    CAST(:titles AS jsonb))""")
                    .bind("d", dialogueId)
                    .bind("titles", json(titles))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        });
    }

    void retitleSection(long sectionId, Map<String, String> titles) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dialogue_section SET titles = CAST(:t AS jsonb) WHERE id = :id")
                .bind("t", json(titles))
                .bind("id", sectionId)
                .execute());
    }

    /** The dialogue a section belongs to, or 404. */
    long dialogueOfSection(long sectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT dialogue_id FROM dialogue_section WHERE id = :id")
                        .bind("id", sectionId)
                        .mapTo(Long.class)
                        .findOne())
                .orElseThrow(() -> NotFound.of("section", sectionId));
    }

    /** The dialogue a clause belongs to, or 404. */
    long dialogueOfClause(long clauseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                                SELECT s.dialogue_id FROM dialogue_clause c JOIN dialogue_section s ON s.id = c.section_id
                                WHERE c.id = :id""")
                        .bind("id", clauseId)
                        .mapTo(Long.class)
                        .findOne())
                .orElseThrow(() -> NotFound.of("clause", clauseId));
    }

    /** A new last clause of the section; its id. */
    long addClause(
            long sectionId,
            Map<String, String> texts,
            List<Long> cites,
            boolean approved,
            String origin,
            List<Long> flagged,
            Long writtenBy) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO dialogue_clause (section_id, position, texts, cites, approved, origin, flagged, written_by)
                        VALUES (:s, (SELECT coalesce(max(position), 0) + 1 FROM dialogue_clause WHERE section_id = :s),
                                CAST(:texts AS jsonb), :cites, :approved, :origin, :flagged, :by)""")
                .bind("s", sectionId)
                .bind("texts", json(texts))
                .bind("cites", cites.toArray(Long[]::new))
                .bind("approved", approved)
                .bind("origin", origin)
                .bind("flagged", flagged.toArray(Long[]::new))
                .bind("by", writtenBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** New texts and citations, written (or approved) by a person: the clause is approved from now on. */
    void rewriteClause(long clauseId, Map<String, String> texts, List<Long> cites, long by) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE dialogue_clause SET texts = CAST(:texts AS jsonb), cites = :cites, approved = true,
                               flagged = '{}', written_by = :by
                        WHERE id = :id""")
                .bind("texts", json(texts))
                .bind("cites", cites.toArray(Long[]::new))
                .bind("by", by)
                .bind("id", clauseId)
                .execute());
    }

    void deleteClause(long clauseId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM dialogue_clause WHERE id = :id")
                .bind("id", clauseId)
                .execute());
    }

    /** Saves the snapshot as the next version; its number. Locks the dialogue: two saves get n and n + 1. */
    int saveVersion(long dialogueId, SharedDocument.Snapshot snapshot, Long savedBy, Instant at) {
        return jdbi.inTransaction(h -> {
            lock(h, dialogueId);
            int next = h.createQuery(
                            "SELECT coalesce(max(number), 0) + 1 FROM dialogue_document_version WHERE dialogue_id = :d")
                    .bind("d", dialogueId)
                    .mapTo(Integer.class)
                    .one();
            h.createUpdate("""
                            INSERT INTO dialogue_document_version (dialogue_id, number, snapshot, saved_by, saved_at)
                            VALUES (:d, :n, CAST(:s AS jsonb), :by, :at)""")
                    .bind("d", dialogueId)
                    .bind("n", next)
                    .bind("s", json(snapshot))
                    .bind("by", savedBy)
                    .bind("at", at)
                    .execute();
            return next;
        });
    }

    Optional<SharedDocument.Version> version(long dialogueId, int number) {
        return jdbi.withHandle(h -> versions(h, dialogueId, number).stream().findFirst());
    }

    /** Every version, v1 first. */
    List<SharedDocument.Version> versions(long dialogueId) {
        return jdbi.withHandle(h -> versions(h, dialogueId, null));
    }

    /** Records the editor's approval of the version for their country (once; a second one changes nothing). */
    void approve(long dialogueId, int number, long accountId, String country, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO dialogue_version_approval (dialogue_id, number, account_id, country, approved_at)
                        VALUES (:d, :n, :a, :c, :at) ON CONFLICT DO NOTHING""")
                .bind("d", dialogueId)
                .bind("n", number)
                .bind("a", accountId)
                .bind("c", country)
                .bind("at", at)
                .execute());
    }

    void publish(long dialogueId, int number, long by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE dialogue_document_version SET published_at = :at, published_by = :by
                        WHERE dialogue_id = :d AND number = :n AND published_at IS NULL""")
                .bind("at", at)
                .bind("by", by)
                .bind("d", dialogueId)
                .bind("n", number)
                .execute());
    }

    private static List<SharedDocument.Version> versions(Handle h, long dialogueId, Integer only) {
        Map<Integer, List<SharedDocument.Approval>> approvals = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT number, account_id, country, approved_at FROM dialogue_version_approval
                        WHERE dialogue_id = :d AND (CAST(:n AS int) IS NULL OR number = :n)
                        ORDER BY approved_at, account_id""")
                .bind("d", dialogueId)
                .bind("n", only)
                .map((rs, ctx) -> Map.entry(
                        rs.getInt(1),
                        new SharedDocument.Approval(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant())))
                .forEach(e -> approvals
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return h.createQuery("""
                        SELECT number, snapshot::text, saved_at, saved_by, published_at FROM dialogue_document_version
                        WHERE dialogue_id = :d AND (CAST(:n AS int) IS NULL OR number = :n) ORDER BY number""")
                .bind("d", dialogueId)
                .bind("n", only)
                .map((rs, ctx) -> new SharedDocument.Version(
                        rs.getInt(1),
                        snapshot(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, Long.class),
                        List.copyOf(approvals.getOrDefault(rs.getInt(1), List.of())),
                        instant(rs, 5)))
                .list();
    }

    private static void lock(Handle h, long dialogueId) {
        h.createQuery("SELECT id FROM dialogue WHERE id = :id FOR UPDATE")
                .bind("id", dialogueId)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> NotFound.of("dialogue", dialogueId));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Long[] values = (Long[]) array.getArray();
        return List.copyOf(Arrays.asList(values));
    }

    private static Map<String, String> texts(String json) {
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored text map is not JSON", e);
        }
    }

    private static SharedDocument.Snapshot snapshot(String json) {
        try {
            return JSON.readValue(json, SharedDocument.Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored version is not JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
