package org.commonground.conversation;

import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;
import org.commonground.web.Language;

/**
 * How an organizer's seed statements reach the statement feature, which owns statements: the
 * conversation feature's pages and routes take the organizer's input and hand it over here.
 */
public interface Seeding {
    /** A seeded statement as stored. */
    record Seed(long id, long conversationId, String text, Language lang, Instant createdAt) {}

    /**
     * Seeds a statement into a draft or open conversation; 409 when closed (410 when archived), or
     * when a near-identical statement exists (the answer carries {@code existing}: its id and text).
     *
     * @param declared the statement's language, or null to detect it from the script
     */
    Seed seed(long conversationId, long authorAccountId, String text, Language declared);

    /** The conversation's seeds still standing (not withdrawn), oldest first. */
    List<Seed> standing(long conversationId);

    /**
     * Replaces a seed's text while nobody has voted on it: 409 {@code seed-has-votes} once someone
     * has (their vote was on the old words), 404 for no such standing seed in the conversation, and
     * the rules of {@link #seed} for the new text (a near-duplicate of another statement is refused).
     *
     * @param voted whether the statement has votes, asked while the statement row is locked
     */
    Seed edit(long conversationId, long statementId, String text, Language declared, LongPredicate voted);

    /** Takes a seed out of the conversation while nobody has voted on it; the same refusals as {@link #edit}. */
    void withdraw(long conversationId, long statementId, long byAccountId, LongPredicate voted);
}
