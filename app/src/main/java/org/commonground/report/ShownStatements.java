package org.commonground.report;

import java.util.HashMap;
import java.util.Map;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;

/**
 * Every statement of a conversation as a reader of one language sees it, by the participation
 * feature's rule: an approved human translation first, then an approved machine one, else the
 * original. One query for the whole report instead of one per statement.
 */
public final class ShownStatements {
    private final Jdbi jdbi;

    public ShownStatements(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A statement as shown. {@code translation} is {@code human}, {@code machine} or
     * {@code original}; the original text and language are kept for "show original";
     * {@code service} names the machine translation service, null otherwise.
     */
    public record Shown(long id, String text, String lang, String originalText, String originalLang, String translation,
                        String service) {
        public boolean translated() {
            return !"original".equals(translation);
        }
    }

    public Map<Long, Shown> all(long conversationId, Language reader) {
        Map<Long, Shown> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT s.id, s.text, s.lang, t.text AS translated, t.kind, t.service
                FROM statement s
                LEFT JOIN LATERAL (SELECT t.text, t.kind, t.service FROM translation t
                                   WHERE t.statement_id = s.id AND t.lang = :lang AND t.state = 'approved'
                                   ORDER BY t.kind = 'human' DESC, t.id DESC LIMIT 1) t ON s.lang <> :lang
                WHERE s.conversation_id = :c""")
                .bind("c", conversationId).bind("lang", reader.code())
                .map((rs, ctx) -> {
                    String translated = rs.getString("translated");
                    String text = rs.getString("text");
                    String lang = rs.getString("lang");
                    return translated == null
                            ? new Shown(rs.getLong("id"), text, lang, text, lang, "original", null)
                            : new Shown(rs.getLong("id"), translated, reader.code(), text, lang, rs.getString("kind"),
                                    rs.getString("service"));
                })
                .forEach(s -> out.put(s.id(), s)));
        return out;
    }
}
