package org.commonground.statement;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Statements of conversations (the statement feature's {@code statement} table): written, listed and read here only; {@link StatementFeature#statements()} gives the server's.
 */
public interface Statements {
    static Statements over(Jdbi jdbi) {
        return new StatementStore(jdbi);
    }

    static Statements over(Jdbi jdbi, StatementEvents events) {
        return new StatementStore(jdbi, events);
    }

    /** A statement as written. {@code lang} is optional: without it the language is detected from the script. */
    record WriteStatement(String text, String lang) {}

    /** A stored statement; {@code moderationState} is {@code pending} under pre-moderation, else {@code accepted}. */
    record StatementView(
            long id, long conversationId, String text, String lang, String moderationState, Instant createdAt) {}

    /** The statement a duplicate points to; {@code accepted}: whether everyone may read it. */
    record Existing(long id, String text, boolean accepted) {}

    /**
     * Stores a participant's statement, all or nothing. The conversation row is locked first, so
     * two identical statements arriving at once are checked one after the other and only one passes.
     */
    StatementView write(long conversationId, long authorParticipantId, WriteStatement request);

    /** The statement of the conversation with the same folded text, if any (in any moderation state). */
    static Optional<Existing> duplicateOf(Handle h, long conversationId, String folded) {
        return StatementStore.duplicateOf(h, conversationId, folded);
    }

    /**
     * The conversation's statements in id order as the caller's transaction sees them, for a feature
     * that keeps rows about statements (translations) and must pair them with the originals:
     * {@code acceptedOnly} keeps those anyone may read.
     */
    static List<StoredStatement> inConversation(Handle h, long conversationId, boolean acceptedOnly) {
        return StatementStore.inConversation(h, conversationId, acceptedOnly);
    }

    /**
     * The conversation's accepted statements that were written or accepted at or after
     * {@code since} (database time; null for all), in id order, as the caller's transaction sees them.
     */
    static List<StoredStatement> acceptedSince(Handle h, long conversationId, java.time.OffsetDateTime since) {
        return StatementStore.acceptedSince(h, conversationId, since);
    }

    /**
     * A statement with what an export keeps of it: {@code moderated} whether a moderator decided
     * on it (an accepted statement nobody decided on is accepted by default), {@code createdAtMillis}
     * in ms since the epoch.
     */
    record Recorded(
            long id,
            String externalId,
            String text,
            Long authorParticipantId,
            boolean seed,
            String moderationState,
            boolean moderated,
            long createdAtMillis) {}

    /** Every statement of the conversation in id order, in any state, as the caller's transaction sees it. */
    static List<Recorded> recorded(Handle h, long conversationId) {
        return StatementStore.recorded(h, conversationId);
    }

    /**
     * A statement of an imported record, kept as it was written: its language and folded form are
     * derived here, as for every statement; {@code moderatedAt} null where no moderator decided.
     */
    record ImportedStatement(
            String externalId,
            String text,
            Long authorParticipantId,
            boolean seed,
            String moderationState,
            Instant createdAt,
            Instant moderatedAt) {}

    /**
     * Loads an imported conversation's statements (COPY) in the importing transaction; answers
     * their ids by external id.
     */
    static Map<String, Long> insertImported(Handle h, long conversationId, List<ImportedStatement> statements) {
        return ImportedStatementStore.insert(h, conversationId, statements);
    }

    /** How many of the conversation's statements name an author outside {@code participantIds}. */
    static long danglingAuthors(Handle h, long conversationId, long[] participantIds) {
        return ImportedStatementStore.danglingAuthors(h, conversationId, participantIds);
    }

    /** One statement of the conversation as the caller's transaction sees it; empty if not there. */
    static Optional<StoredStatement> find(Handle h, long conversationId, long statementId) {
        return StatementStore.find(h, conversationId, statementId);
    }

    /** One statement in whatever conversation, as the caller's transaction sees it; empty if not there. */
    static Optional<StoredStatement> find(Handle h, long statementId) {
        return StatementStore.find(h, statementId);
    }

    /** The ids of the conversation's accepted statements (those shown and counted), ascending. */
    List<Long> acceptedIds(long conversationId);

    /**
     * The accepted statements a participant is asked to vote on: not their own, whose agreement is
     * recorded when they write it (as Pol.is does). In id order.
     */
    List<Long> acceptedIdsFor(long conversationId, long participantId);

    /** How many of the conversation's statements wait for a moderator. */
    int pendingCount(long conversationId);

    /**
     * Every statement the participant wrote, in any moderation state, oldest first: their own
     * text, so theirs to download even when moderators rejected it.
     */
    List<StatementView> authoredBy(long participantId);

    /**
     * The ids of the statements the participant wrote, locked until the caller's transaction ends
     * (a vote on one waits, so "did anyone else vote on it" stays true while it is decided).
     */
    static List<Long> lockAuthoredBy(Handle h, long participantId) {
        return StatementStore.lockAuthoredBy(h, participantId);
    }

    /**
     * Deletes these statements with their translations and every vote on them (by cascade), in
     * the caller's transaction. The caller tells {@link StatementFeature#events()} after the commit.
     */
    static void delete(Handle h, Collection<Long> ids) {
        StatementStore.delete(h, ids);
    }

    /** Leaves these statements without author (text, translations, votes and moderation kept), in the caller's transaction. */
    static void removeAuthor(Handle h, Collection<Long> ids) {
        StatementStore.removeAuthor(h, ids);
    }

    /** The conversation's imported statements by their external (Pol.is) id, in the importing transaction. */
    static Map<String, Long> byExternalId(Handle h, long conversationId) {
        return StatementStore.byExternalId(h, conversationId);
    }

    /** Sets the declared language of imported statements (by id), in the importing transaction. */
    static void declareLanguages(Handle h, Map<Long, Language> languages) {
        StatementStore.declareLanguages(h, languages);
    }

    /** A statement as search reads it: its original text and where it stands with moderation. */
    record StoredStatement(long id, long conversationId, Language lang, String moderationState, String text) {}

    /** The newest statement's id, 0 when there is none: what has been written up to now. */
    long newestId();

    /** Statements with ids in (after, upTo], oldest first, at most {@code limit}. */
    List<StoredStatement> between(long after, long upTo, int limit);

    /** The statements with these ids that exist, by ascending id. */
    List<StoredStatement> withIds(Collection<Long> ids);

    /** Of these statements, the ones accepted right now. */
    Set<Long> acceptedAmong(Collection<Long> ids);
}
