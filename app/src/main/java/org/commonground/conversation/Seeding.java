package org.commonground.conversation;

import java.time.Instant;
import org.commonground.web.Language;

/**
 * How an organizer's seed statements reach the statement feature, which owns statements: the
 * conversation feature's pages and routes take the organizer's input and hand it over here.
 */
@FunctionalInterface
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
}
