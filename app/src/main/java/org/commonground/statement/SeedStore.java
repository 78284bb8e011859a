package org.commonground.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Seeding;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Statements an organizer seeds a conversation with. They follow the same text rules as
 * participants' statements ({@link StatementText}, {@link NearDuplicates}) but are accepted at once:
 * the organizer is the moderator of their own seeds. Until someone votes on a seed its organizer may
 * reword or withdraw it; a vote is cast on the words it saw, so after one the seed stays as it is.
 */
final class SeedStore implements Seeding {
    private final Jdbi jdbi;
    private final StatementEvents events;

    SeedStore(Jdbi jdbi, StatementEvents events) {
        this.jdbi = jdbi;
        this.events = events;
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
    private static final String COLUMNS = "id, conversation_id, text, lang, created_at";

    @Override
    public List<Seed> standing(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM statement
                        WHERE conversation_id = :c AND is_seed AND moderation_state = 'accepted'
                        ORDER BY id""")
                .bind("c", conversationId)
                .map(ConstructorMapper.of(SeedRow.class))
                .map(SeedRow::toSeed)
                .list());
    }

    @Override
    public Seed edit(long conversationId, long statementId, String rawText, Language declared, LongPredicate voted) {
        String text = StatementText.normalize(rawText);
        Language lang = declared != null ? declared : StatementText.detectLanguage(text);
        String folded = StatementText.fold(text);
        if (folded.isEmpty()) {
            throw Invalid.field("text", "statement.text.no-words");
        }
        Seed edited = jdbi.inTransaction(h -> {
            lockUnvoted(h, conversationId, statementId, voted);
            StatementStore.duplicateOf(h, conversationId, folded)
                    .filter(existing -> existing.id() != statementId)
                    .ifPresent(existing -> {
                        throw new Conflict("statement-duplicate", "problem.statement-duplicate", existing.id())
                                .with("existing", Map.of("id", existing.id(), "text", existing.text()));
                    });
            return h.createUpdate("""
                            UPDATE statement SET text = :text, lang = :lang, folded = :folded
                            WHERE id = :s""")
                    .bind("text", text)
                    .bind("lang", lang.code())
                    .bind("folded", folded)
                    .bind("s", statementId)
                    .executeAndReturnGeneratedKeys("id", "conversation_id", "text", "lang", "created_at")
                    .map(ConstructorMapper.of(SeedRow.class))
                    .one()
                    .toSeed();
        });
        events.changed(conversationId, statementId);
        return edited;
    }

    @Override
    public void withdraw(long conversationId, long statementId, long byAccountId, LongPredicate voted) {
        jdbi.useTransaction(h -> {
            lockUnvoted(h, conversationId, statementId, voted);
            h.createUpdate("""
                            UPDATE statement SET moderation_state = 'rejected', moderation_reason = 'withdrawn',
                                                 moderated_by = :by, moderated_at = now()
                            WHERE id = :s""").bind("by", byAccountId).bind("s", statementId).execute();
        });
        events.changed(conversationId, statementId);
    }

    /**
     * Holds the seed's row until the transaction ends, then asks whether anyone voted on it. FOR
     * UPDATE conflicts with the KEY SHARE lock a vote's insert takes on the statement through its
     * foreign key: a vote still being written makes this wait until it commits (and so is seen),
     * and a vote arriving now waits for the change. Either the vote is refused or the change is.
     */
    private static void lockUnvoted(Handle h, long conversationId, long statementId, LongPredicate voted) {
        ConversationState.fromCode(ConversationRules.lock(h, conversationId).state())
                .requireSeedable(conversationId);
        boolean standing = h.createQuery("""
                        SELECT true FROM statement
                        WHERE id = :s AND conversation_id = :c AND is_seed AND moderation_state = 'accepted'
                        FOR UPDATE""")
                .bind("s", statementId)
                .bind("c", conversationId)
                .mapTo(Boolean.class)
                .findOne()
                .isPresent();
        if (!standing) {
            throw NotFound.of("seed", statementId);
        }
        if (voted.test(statementId)) {
            throw new Conflict("seed-has-votes", "problem.seed-has-votes", statementId);
        }
    }

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
