package org.commonground.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Machine translations of what is not a statement (conversation texts, cohort values), by source key. */
final class MachineTextStore {
    private final Jdbi jdbi;

    MachineTextStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Source key → translated text, for one conversation and language, counting only translations
     * of the source as it is now ({@code currentSources}: source key → text): an edited title
     * shows its original until the new one is translated.
     */
    Map<String, String> of(long conversationId, String lang, Map<String, String> currentSources) {
        Map<String, String> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT source_key, source_hash, text FROM machine_text WHERE conversation_id = :c AND lang = :lang")
                .bind("c", conversationId)
                .bind("lang", lang)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(r -> {
                    String source = currentSources.get(r[0]);
                    if (source != null && md5(source).equals(r[1])) {
                        out.put(r[0], r[2]);
                    }
                }));
        return out;
    }

    /** As PostgreSQL's md5(text): lower-case hex of the UTF-8 bytes. */
    static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
