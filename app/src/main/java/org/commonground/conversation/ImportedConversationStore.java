package org.commonground.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;

/** Bulk writes of an imported conversation's rows, on the importing transaction's handle. */
final class ImportedConversationStore {
    private ImportedConversationStore() {}

    static long insert(Handle h, String state, Instant createdAt, Map<Language, Conversation.Text> texts) {
        long id = h.createUpdate("""
                        INSERT INTO conversation (state, created_at, updated_at) VALUES (:state, :at, :at)""")
                .bind("state", state)
                .bind("at", createdAt)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        var batch = h.prepareBatch("""
                INSERT INTO conversation_text (conversation_id, lang, title, description, background)
                VALUES (:conversation, :lang, :title, :description, :background)""");
        texts.forEach((lang, t) -> batch.bind("conversation", id)
                .bind("lang", lang.code())
                .bind("title", t.title())
                .bind("description", t.description())
                .bind("background", t.background())
                .add());
        if (!texts.isEmpty()) {
            batch.execute();
        }
        return id;
    }

    static Map<String, Long> insertDimensions(
            Handle h, long conversationId, Map<String, ? extends Collection<String>> valuesByDimension) {
        Map<String, Long> ids = new LinkedHashMap<>();
        int position = 0;
        for (var dimension : valuesByDimension.entrySet()) {
            long id = h.createUpdate("""
                            INSERT INTO cohort_dimension (conversation_id, name, position)
                            VALUES (:conversation, :name, :position)""")
                    .bind("conversation", conversationId)
                    .bind("name", dimension.getKey())
                    .bind("position", position++)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            ids.put(dimension.getKey(), id);
            var batch = h.prepareBatch("INSERT INTO cohort_value (dimension_id, value, position) VALUES (:d, :v, :p)");
            int valuePosition = 0;
            for (String value : dimension.getValue()) {
                batch.bind("d", id).bind("v", value).bind("p", valuePosition++).add();
            }
            if (valuePosition > 0) {
                batch.execute();
            }
        }
        return ids;
    }
}
