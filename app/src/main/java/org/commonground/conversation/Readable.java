package org.commonground.conversation;

import io.javalin.http.Context;
import java.time.Clock;
import org.commonground.web.Language;

/**
 * Which conversations a browser may see, by the same rules as the API: a draft does not exist for
 * anyone but its staff (404), and an archived conversation is gone (410) for everyone else. Who may
 * read the results is {@link org.commonground.results.ResultsReaders}'s to say, for pages and API alike.
 */
public final class Readable {
    /**
     * Pages may show a conversation's settings up to this old. Every command (vote, write, join)
     * checks the conversation's state itself in its own transaction, so the cache never lets a
     * forbidden change through; it saves the three queries of loading a conversation on each page.
     */
    static final long MAX_AGE_MILLIS = 1_000L;

    private record Cached(long loadedAt, Conversation conversation) {}

    private final java.util.Map<Long, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private final ConversationStore conversations;
    private final Access access;

    private final Clock clock;

    /** @param clock the time source of the cache's age (a test's clock decides when a conversation is reloaded) */
    Readable(ConversationStore conversations, Access access, Clock clock) {
        this.conversations = conversations;
        this.access = access;
        this.clock = clock;
    }

    /** The conversation if this browser may read it, else 404 or 410. */
    public Conversation conversation(Context ctx, long id) {
        Conversation c = recentlyLoaded(id);
        c.state().requireReadable(id, () -> isStaff(ctx, id));
        return c;
    }

    private Conversation recentlyLoaded(long id) {
        Cached cached = recent.get(id);
        long now = clock.millis();
        if (cached != null && now - cached.loadedAt() <= MAX_AGE_MILLIS) {
            return cached.conversation();
        }
        Conversation c = conversations.get(id);
        if (recent.size() > 10_000) {
            recent.clear(); // bounded: an unusual number of conversations read at once just reloads
        }
        recent.put(id, new Cached(now, c));
        return c;
    }

    /** Whether the signed-in account is an admin or on the conversation's staff. */
    public boolean isStaff(Context ctx, long id) {
        return access.isStaff(ctx, id);
    }

    /** The conversation's title in the reader's language (or the nearest one written). */
    public static String title(Conversation c, Language reader) {
        Conversation.Text t = c.texts().get(c.languageFor(reader));
        return t == null ? "" : t.title();
    }

    /** The conversation's texts in the reader's language (or the nearest one written). */
    public static Conversation.Text text(Conversation c, Language reader) {
        Conversation.Text t = c.texts().get(c.languageFor(reader));
        return t == null ? new Conversation.Text("", "", "") : t;
    }
}
