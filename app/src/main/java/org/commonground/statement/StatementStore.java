package org.commonground.statement;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.Conflict;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Statements written by participants. The text obeys {@link StatementText}; a near-identical one
 * (same folded text) in the same conversation is refused with a pointer to the one that exists.
 */
public final class StatementStore {
    private final Jdbi jdbi;

    public StatementStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A statement as written. {@code lang} is optional: without it the language is detected from the script. */
    public record WriteStatement(String text, String lang) {}

    /** A stored statement; {@code moderationState} is {@code pending} under pre-moderation, else {@code accepted}. */
    public record StatementView(long id, long conversationId, String text, String lang, String moderationState,
                                Instant createdAt) {}

    /** The statement a duplicate points to. */
    public record Existing(long id, String text) {}

    /**
     * Stores a participant's statement, all or nothing. The conversation row is locked first, so
     * two identical statements arriving at once are checked one after the other and only one passes.
     */
    public StatementView write(long conversationId, long authorParticipantId, WriteStatement request) {
        String text = StatementText.normalize(request.text());
        String lang = request.lang() == null
                ? StatementText.detectLanguage(text).code()
                : Language.parse(request.lang()).map(Language::code)
                        .filter(l -> l.equals(request.lang().strip().toLowerCase(java.util.Locale.ROOT)))
                        .orElseThrow(() -> Invalid.field("lang", "statement.lang.invalid"));
        String folded = StatementText.fold(text);
        if (folded.isEmpty()) {
            throw Invalid.field("text", "statement.text.no-words");
        }
        return jdbi.inTransaction(h -> {
            ConversationRules rules = ConversationRules.lock(h, conversationId).requireOpen();
            if (!rules.participantsCanWrite()) {
                throw new Forbidden("statements-closed", "problem.statements-closed");
            }
            duplicateOf(h, conversationId, folded).ifPresent(existing -> {
                throw new Conflict("statement-duplicate", "problem.statement-duplicate", existing.id())
                        .with("existing", Map.of("id", existing.id(), "text", existing.text()));
            });
            return h.createUpdate("""
                    INSERT INTO statement (conversation_id, text, lang, folded, author_participant_id, moderation_state)
                    VALUES (:c, :text, :lang, :folded, :author, :state)
                    RETURNING id, conversation_id, text, lang, moderation_state, created_at""")
                    .bind("c", conversationId).bind("text", text).bind("lang", lang).bind("folded", folded)
                    .bind("author", authorParticipantId).bind("state", rules.preModerated() ? "pending" : "accepted")
                    .executeAndReturnGeneratedKeys()
                    .map((rs, ctx) -> new StatementView(rs.getLong("id"), rs.getLong("conversation_id"),
                            rs.getString("text"), rs.getString("lang"), rs.getString("moderation_state"),
                            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                    .one();
        });
    }

    /** The statement of the conversation with the same folded text, if any (in any moderation state). */
    public static Optional<Existing> duplicateOf(Handle h, long conversationId, String folded) {
        return h.createQuery("SELECT id, text FROM statement WHERE conversation_id = :c AND folded = :f ORDER BY id LIMIT 1")
                .bind("c", conversationId).bind("f", folded)
                .map((rs, ctx) -> new Existing(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /** The ids of the conversation's accepted statements (those shown and counted), ascending. */
    public List<Long> acceptedIds(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id FROM statement WHERE conversation_id = :c AND moderation_state = 'accepted' ORDER BY id""")
                .bind("c", conversationId).mapTo(Long.class).list());
    }

    /** How many of the conversation's statements wait for a moderator. */
    public int pendingCount(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM statement WHERE conversation_id = :c AND moderation_state = 'pending'""")
                .bind("c", conversationId).mapTo(Integer.class).one());
    }

    /** The conversation's imported statements by their external (Pol.is) id, in the importing transaction. */
    public static Map<String, Long> byExternalId(Handle h, long conversationId) {
        Map<String, Long> ids = new java.util.HashMap<>();
        h.createQuery("SELECT external_id, id FROM statement WHERE conversation_id = :c AND external_id IS NOT NULL")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Sets the declared language of imported statements (by id), in the importing transaction. */
    public static void declareLanguages(Handle h, Map<Long, Language> languages) {
        var update = h.prepareBatch("UPDATE statement SET lang = :lang WHERE id = :id");
        languages.forEach((id, lang) -> update.bind("lang", lang.code()).bind("id", id).add());
        if (!languages.isEmpty()) {
            update.execute();
        }
    }
}
