package org.commonground.embed;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The {@code embed_origin} rows: which origins may frame a conversation's embed pages. */
final class EmbedStore {
    private final Jdbi jdbi;

    EmbedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<String> origins(long conversationId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT origin FROM embed_origin WHERE conversation_id = :id ORDER BY origin")
                        .bind("id", conversationId)
                        .mapTo(String.class)
                        .list());
    }

    void replace(long conversationId, List<String> origins) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM embed_origin WHERE conversation_id = :id")
                    .bind("id", conversationId)
                    .execute();
            for (String o : origins) {
                h.createUpdate("INSERT INTO embed_origin (conversation_id, origin) VALUES (:id, :origin)")
                        .bind("id", conversationId)
                        .bind("origin", o)
                        .execute();
            }
        });
    }
}
