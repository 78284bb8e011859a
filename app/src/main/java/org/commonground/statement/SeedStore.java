package org.commonground.statement;

import java.time.Instant;
import java.util.Map;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Seeding;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Statements an organizer seeds a conversation with. They follow the same text rules as
 * participants' statements ({@link StatementText}, {@link NearDuplicates}) but are accepted at once:
 * the organizer is the moderator of their own seeds.
 */
final class SeedStore implements Seeding {
    private final Jdbi jdbi;

    SeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record SeedRow(long id, long conversationId, String text, String lang, Instant createdAt) {
        Seed toSeed() {
            return new Seed(id, conversationId, text, Language.parse(lang).orElseThrow(), createdAt);
        }
    }

    /**
     * Seeds a statement into a draft or open conversation; 409 when closed (410 when archived), or when a
     * near-identical statement exists (the answer carries {@code existing}: its id and text).
     */
    @Override
    public Seed seed(long conversationId, long authorAccountId, String rawText, Language declared) {
        String text = StatementText.normalize(rawText);
        Language lang = declared != null ? declared : StatementText.detectLanguage(text);
        String folded = StatementText.fold(text);
        if (folded.isEmpty()) {
            throw Invalid.field("text", "statement.text.no-words");
        }
        return jdbi.inTransaction(h -> {
            // The same row lock participants' statement writes take: every writer of statements to one
            // conversation (on any server) checks for a duplicate and inserts one after the other.
            ConversationState state = ConversationState.fromCode(
                    ConversationRules.lock(h, conversationId).state());
            state.requireSeedable(conversationId);
            StatementStore.duplicateOf(h, conversationId, folded).ifPresent(existing -> {
                throw new Conflict("statement-duplicate", "problem.statement-duplicate", existing.id())
                        .with("existing", Map.of("id", existing.id(), "text", existing.text()));
            });
            return h.createUpdate("""
                            INSERT INTO statement (conversation_id, text, lang, folded, author_account_id, is_seed,
                                                   moderation_state, moderated_by, moderated_at)
                            VALUES (:conversation, :text, :lang, :folded, :author, true, 'accepted', :author, now())""")
                    .bind("conversation", conversationId)
                    .bind("text", text)
                    .bind("lang", lang.code())
                    .bind("folded", folded)
                    .bind("author", authorAccountId)
                    .executeAndReturnGeneratedKeys("id", "conversation_id", "text", "lang", "created_at")
                    .map(ConstructorMapper.of(SeedRow.class))
                    .one()
                    .toSeed();
        });
    }
}
