package org.commonground.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads what the index holds: statements with their moderation state and, per other language,
 * the translation readers see (approved human first, else approved machine). Read only: the
 * statement and translation features own these rows.
 */
final class TextStore {
    private final Jdbi jdbi;

    TextStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A statement with its text in each language it can be read in (the original included). */
    record StatementTexts(long id, long conversationId, Language original, String state, Map<Language, String> texts) {}

    /** The newest statement and translation ids: what has been written up to now. */
    record Watermark(long statement, long translation) {}

    private static final String SELECT = """
            SELECT s.id, s.conversation_id, s.lang, s.moderation_state, s.text, t.lang AS t_lang, t.text AS t_text
            FROM statement s
            LEFT JOIN LATERAL (SELECT DISTINCT ON (lang) lang, text FROM translation
                               WHERE statement_id = s.id AND state = 'approved' AND lang <> s.lang
                               ORDER BY lang, kind = 'human' DESC, id DESC) t ON true
            """;

    Watermark watermark() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT coalesce(max(id), 0) FROM statement), (SELECT coalesce(max(id), 0) FROM translation)""")
                .map((rs, ctx) -> new Watermark(rs.getLong(1), rs.getLong(2))).one());
    }

    /** Statements with ids in (after, upTo], oldest first, at most {@code limit}. */
    List<StatementTexts> statementsAfter(long after, long upTo, int limit) {
        return jdbi.withHandle(h -> read(h.createQuery(SELECT + """
                WHERE s.id IN (SELECT id FROM statement WHERE id > :after AND id <= :upTo ORDER BY id LIMIT :limit)
                ORDER BY s.id""").bind("after", after).bind("upTo", upTo).bind("limit", limit)));
    }

    /** Statements that got a translation with an id in (after, upTo]. */
    Set<Long> translatedBetween(long after, long upTo) {
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery(
                        "SELECT DISTINCT statement_id FROM translation WHERE id > :after AND id <= :upTo")
                .bind("after", after).bind("upTo", upTo).mapTo(Long.class).list()));
    }

    /** The statements with these ids that still exist. */
    List<StatementTexts> statements(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> read(h.createQuery(SELECT + " WHERE s.id = ANY(:ids) ORDER BY s.id")
                .bind("ids", ids.toArray(Long[]::new))));
    }

    /**
     * Of these statements, the ones accepted right now. The index is told of every decision, but
     * what a participant may read is answered by the database, so a missed event cannot show a
     * rejected statement.
     */
    Set<Long> acceptedAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery(
                        "SELECT id FROM statement WHERE id = ANY(:ids) AND moderation_state = 'accepted'")
                .bind("ids", ids.toArray(Long[]::new)).mapTo(Long.class).list()));
    }

    private record TextRow(long id, long conversationId, String lang, String state, String text,
                       String translationLang, String translationText) {}

    private static List<StatementTexts> read(Query query) {
        List<TextRow> rows = query.map((rs, ctx) -> new TextRow(rs.getLong("id"), rs.getLong("conversation_id"),
                rs.getString("lang"), rs.getString("moderation_state"), rs.getString("text"),
                rs.getString("t_lang"), rs.getString("t_text"))).list();
        Map<Long, StatementTexts> byId = new LinkedHashMap<>();
        for (TextRow row : rows) {
            StatementTexts s = byId.computeIfAbsent(row.id(), id -> {
                Language original = Language.parse(row.lang()).orElseThrow();
                Map<Language, String> texts = new EnumMap<>(Language.class);
                texts.put(original, row.text());
                return new StatementTexts(id, row.conversationId(), original, row.state(), texts);
            });
            if (row.translationLang() != null) {
                Language.parse(row.translationLang()).ifPresent(l -> s.texts().put(l, row.translationText()));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
