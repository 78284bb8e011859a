package org.commonground.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.Conflict;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Statements written by participants. The text obeys {@link StatementText}; a near-identical one
 * (same folded text) in the same conversation is refused with a pointer to the one that exists.
 */
final class StatementStore implements Statements {
    private final Jdbi jdbi;
    private final StatementEvents events;

    public StatementStore(Jdbi jdbi) {
        this(jdbi, StatementEvents.NONE);
    }

    public StatementStore(Jdbi jdbi, StatementEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    @Override
    public StatementView write(long conversationId, long authorParticipantId, WriteStatement request) {
        String text = StatementText.normalize(request.text());
        String lang = request.lang() == null
                ? StatementText.detectLanguage(text).code()
                : Language.parse(request.lang())
                        .map(Language::code)
                        .filter(l -> l.equals(request.lang().strip().toLowerCase(java.util.Locale.ROOT)))
                        .orElseThrow(() -> Invalid.field("lang", "statement.lang.invalid"));
        String folded = StatementText.fold(text);
        if (folded.isEmpty()) {
            throw Invalid.field("text", "statement.text.no-words");
        }
        StatementView written = jdbi.inTransaction(h -> {
            ConversationRules rules = ConversationRules.lock(h, conversationId).requireOpen();
            if (!rules.participantsCanWrite()) {
                throw new Forbidden("statements-closed", "problem.statements-closed");
            }
            duplicateOf(h, conversationId, folded).ifPresent(existing -> {
                // A pending or rejected statement's text is for moderators only, even as the reason for a refusal.
                throw new Conflict("statement-duplicate", "problem.statement-duplicate", existing.id())
                        .with(
                                "existing",
                                existing.accepted()
                                        ? Map.of("id", existing.id(), "text", existing.text())
                                        : Map.of("id", existing.id()));
            });
            return h.createUpdate("""
                    INSERT INTO statement (conversation_id, text, lang, folded, author_participant_id, moderation_state)
                    VALUES (:c, :text, :lang, :folded, :author, :state)
                    RETURNING id, conversation_id, text, lang, moderation_state, created_at""")
                    .bind("c", conversationId)
                    .bind("text", text)
                    .bind("lang", lang)
                    .bind("folded", folded)
                    .bind("author", authorParticipantId)
                    .bind("state", rules.preModerated() ? "pending" : "accepted")
                    .executeAndReturnGeneratedKeys()
                    .map((rs, ctx) -> new StatementView(
                            rs.getLong("id"),
                            rs.getLong("conversation_id"),
                            rs.getString("text"),
                            rs.getString("lang"),
                            rs.getString("moderation_state"),
                            rs.getObject("created_at", java.time.OffsetDateTime.class)
                                    .toInstant()))
                    .one();
        });
        events.changed(written.conversationId(), written.id());
        return written;
    }

    static Optional<Existing> duplicateOf(Handle h, long conversationId, String folded) {
        return h.createQuery(
                        "SELECT id, text, moderation_state = 'accepted' FROM statement WHERE conversation_id = :c AND folded = :f ORDER BY id LIMIT 1")
                .bind("c", conversationId)
                .bind("f", folded)
                .map((rs, ctx) -> new Existing(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .findOne();
    }

    /**
     * Every statement the participant wrote, in any moderation state, oldest first: their own
     * text, so theirs to download even when moderators rejected it.
     */
    @Override
    public List<StatementView> authoredBy(long participantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, conversation_id, text, lang, moderation_state, created_at FROM statement
                        WHERE author_participant_id = :p ORDER BY id""")
                .bind("p", participantId)
                .map((rs, ctx) -> new StatementView(
                        rs.getLong("id"),
                        rs.getLong("conversation_id"),
                        rs.getString("text"),
                        rs.getString("lang"),
                        rs.getString("moderation_state"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list());
    }

    /**
     * The ids of the statements the participant wrote, locked until the caller's transaction ends
     * (a vote on one waits, so "did anyone else vote on it" stays true while it is decided).
     */
    static List<Long> lockAuthoredBy(Handle h, long participantId) {
        return h.createQuery("SELECT id FROM statement WHERE author_participant_id = :p ORDER BY id FOR UPDATE")
                .bind("p", participantId)
                .mapTo(Long.class)
                .list();
    }

    /**
     * Deletes these statements with their translations and every vote on them (by cascade), in
     * the caller's transaction. The caller tells {@link StatementFeature#events()} after the commit.
     */
    static void delete(Handle h, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            h.createUpdate("DELETE FROM statement WHERE id = ANY(:ids)")
                    .bind("ids", ids.toArray(Long[]::new))
                    .execute();
        }
    }

    /** Leaves these statements without author (text, translations, votes and moderation kept), in the caller's transaction. */
    static void removeAuthor(Handle h, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            h.createUpdate("UPDATE statement SET author_participant_id = NULL WHERE id = ANY(:ids)")
                    .bind("ids", ids.toArray(Long[]::new))
                    .execute();
        }
    }

    @Override
    public List<Long> acceptedIds(long conversationId) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                SELECT id FROM statement WHERE conversation_id = :c AND moderation_state = 'accepted' ORDER BY id""").bind("c", conversationId).mapTo(Long.class).list());
    }

    @Override
    public List<Long> acceptedIdsFor(long conversationId, long participantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id FROM statement
                WHERE conversation_id = :c AND moderation_state = 'accepted'
                  AND author_participant_id IS DISTINCT FROM :p
                ORDER BY id""")
                .bind("c", conversationId)
                .bind("p", participantId)
                .mapTo(Long.class)
                .list());
    }

    @Override
    public int pendingCount(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM statement WHERE conversation_id = :c AND moderation_state = 'pending'""")
                .bind("c", conversationId)
                .mapTo(Integer.class)
                .one());
    }

    static Map<String, Long> byExternalId(Handle h, long conversationId) {
        Map<String, Long> ids = new java.util.HashMap<>();
        h.createQuery("SELECT external_id, id FROM statement WHERE conversation_id = :c AND external_id IS NOT NULL")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    static void declareLanguages(Handle h, Map<Long, Language> languages) {
        var update = h.prepareBatch("UPDATE statement SET lang = :lang WHERE id = :id");
        languages.forEach(
                (id, lang) -> update.bind("lang", lang.code()).bind("id", id).add());
        if (!languages.isEmpty()) {
            update.execute();
        }
    }

    private static final String STORED = "SELECT id, conversation_id, lang, moderation_state, text FROM statement ";

    @Override
    public long newestId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM statement")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<StoredStatement> between(long after, long upTo, int limit) {
        return jdbi.withHandle(h -> h.createQuery(STORED + "WHERE id > :after AND id <= :upTo ORDER BY id LIMIT :limit")
                .bind("after", after)
                .bind("upTo", upTo)
                .bind("limit", limit)
                .map(StatementStore::stored)
                .list());
    }

    @Override
    public List<StoredStatement> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(STORED + "WHERE id = ANY(:ids) ORDER BY id")
                .bind("ids", ids.toArray(Long[]::new))
                .map(StatementStore::stored)
                .list());
    }

    @Override
    public Set<Long> acceptedAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> Set.copyOf(
                h.createQuery("SELECT id FROM statement WHERE id = ANY(:ids) AND moderation_state = 'accepted'")
                        .bind("ids", ids.toArray(Long[]::new))
                        .mapTo(Long.class)
                        .list()));
    }

    static List<StoredStatement> inConversation(Handle h, long conversationId, boolean acceptedOnly) {
        return h.createQuery(STORED + "WHERE conversation_id = :c"
                        + (acceptedOnly ? " AND moderation_state = 'accepted'" : "") + " ORDER BY id")
                .bind("c", conversationId)
                .map(StatementStore::stored)
                .list();
    }

    static List<StoredStatement> acceptedSince(Handle h, long conversationId, java.time.OffsetDateTime since) {
        return h.createQuery(STORED + """
                        WHERE conversation_id = :c AND moderation_state = 'accepted'
                          AND (CAST(:since AS timestamptz) IS NULL
                               OR greatest(created_at, coalesce(moderated_at, created_at)) >= :since)
                        ORDER BY id""")
                .bind("c", conversationId)
                .bind("since", since)
                .map(StatementStore::stored)
                .list();
    }

    static List<Recorded> recorded(Handle h, long conversationId) {
        return h.createQuery("""
                        SELECT id, external_id, text, author_participant_id, is_seed, moderation_state,
                               moderated_at IS NOT NULL, floor(extract(epoch FROM created_at) * 1000)::bigint
                        FROM statement WHERE conversation_id = :c ORDER BY id""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Recorded(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getLong(8)))
                .list();
    }

    static Optional<StoredStatement> find(Handle h, long conversationId, long statementId) {
        return h.createQuery(STORED + "WHERE id = :s AND conversation_id = :c")
                .bind("s", statementId)
                .bind("c", conversationId)
                .map(StatementStore::stored)
                .findOne();
    }

    static Optional<StoredStatement> find(Handle h, long statementId) {
        return h.createQuery(STORED + "WHERE id = :s")
                .bind("s", statementId)
                .map(StatementStore::stored)
                .findOne();
    }

    private static StoredStatement stored(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredStatement(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                Language.parse(rs.getString("lang")).orElseThrow(),
                rs.getString("moderation_state"),
                rs.getString("text"));
    }
}
