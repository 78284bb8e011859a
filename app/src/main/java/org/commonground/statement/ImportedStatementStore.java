package org.commonground.statement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.db.CopyRows;
import org.commonground.statement.Statements.ImportedStatement;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;

/** Bulk writes of imported statements (COPY), on the importing transaction's handle. */
final class ImportedStatementStore {
    private ImportedStatementStore() {}

    static Map<String, Long> insert(Handle h, long conversationId, List<ImportedStatement> statements) {
        CopyRows rows = CopyRows.into("statement (conversation_id, external_id, text, lang, folded, "
                + "author_participant_id, is_seed, moderation_state, created_at, moderated_at)");
        for (ImportedStatement s : statements) {
            Language lang = StatementText.detectLanguage(s.text());
            rows.row(
                    conversationId,
                    s.externalId(),
                    s.text(),
                    lang.code(),
                    StatementText.fold(s.text()),
                    s.authorParticipantId(),
                    s.seed(),
                    s.moderationState(),
                    s.createdAt().toString(),
                    s.moderatedAt() == null ? null : s.moderatedAt().toString());
        }
        rows.copy(h);
        Map<String, Long> byExternal = new HashMap<>(statements.size() * 2);
        h.createQuery("SELECT external_id, id FROM statement WHERE conversation_id = :c AND external_id IS NOT NULL")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> byExternal.put(e.getKey(), e.getValue()));
        return byExternal;
    }

    static long danglingAuthors(Handle h, long conversationId, long[] participantIds) {
        return h.createQuery("""
                        SELECT count(*) FROM statement
                        WHERE conversation_id = :c AND author_participant_id IS NOT NULL
                          AND NOT (author_participant_id = ANY(:participants))""")
                .bind("c", conversationId)
                .bind("participants", participantIds)
                .mapTo(Long.class)
                .one();
    }
}
