package org.commonground.web;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.commonground.account.Access;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ConversationStore;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;

/**
 * Which conversations a browser may see, by the same rules as the API: a draft does not exist for
 * anyone but its staff (404), and an archived conversation is gone (410) for everyone else. Who may
 * read the results is {@link org.commonground.conversation.ResultsReaders}'s to say, for pages and API alike.
 */
public final class Readable {
    private static final Set<String> STAFF = Set.of("organizer", "moderator", "translator");
    /**
     * Pages may show a conversation's settings up to this old. Every command (vote, write, join)
     * checks the conversation's state itself in its own transaction, so the cache never lets a
     * forbidden change through; it saves the three queries of loading a conversation on each page.
     */
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    private record Cached(long loadedAt, Conversation conversation) {}

    private final java.util.Map<Long, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private final ConversationStore conversations;
    private final Authentication authentication;
    private final Access access;

    public Readable(ConversationStore conversations, Authentication authentication, Access access) {
        this.conversations = conversations;
        this.authentication = authentication;
        this.access = access;
    }

    /** The conversation if this browser may read it, else 404 or 410. */
    public Conversation conversation(Context ctx, long id) {
        Conversation c = recentlyLoaded(id);
        if ((c.state() == ConversationState.DRAFT || c.state() == ConversationState.ARCHIVED) && !isStaff(ctx, id)) {
            if (c.state() == ConversationState.DRAFT) {
                throw NotFound.of("conversation", id);
            }
            throw new Conflict(410, "conversation-archived", "conversation.archived", id);
        }
        return c;
    }

    private Conversation recentlyLoaded(long id) {
        Cached cached = recent.get(id);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() <= MAX_AGE_NANOS) {
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
        Optional<Account> caller = authentication.account(ctx);
        return caller.isPresent() && access.has(caller.get(), id, STAFF);
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
