package org.commonground.conversation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.commonground.web.Language;
import org.commonground.web.Pages;

/**
 * The front page: what Common Ground is, and the open conversations anyone may join, so that a
 * newcomer has somewhere to go. Drafts, closed and archived conversations are not listed.
 */
final class FrontPage {
    /** The front page is a doorway, not an archive: the newest open conversations only. */
    private static final int LISTED = 50;

    private final Pages pages;
    private final ConversationStore conversations;
    private final ConversationActivity activity;
    private final Function<Language, List<FrontPageEntry>> series;

    FrontPage(
            Pages pages,
            ConversationStore conversations,
            ConversationActivity activity,
            Function<Language, List<FrontPageEntry>> series) {
        this.pages = pages;
        this.conversations = conversations;
        this.activity = activity;
        this.series = series;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/", this::home);
    }

    private void home(Context ctx) {
        Language reader = Language.of(ctx);
        List<OpenConversation> open = conversations.visibleTo(Optional.empty(), Long.MAX_VALUE, LISTED).stream()
                .filter(c -> c.state() == ConversationState.OPEN)
                .map(c -> {
                    Conversation.Text text = Readable.text(c, reader);
                    return new OpenConversation(
                            c.id(),
                            text.title(),
                            text.description(),
                            activity.counts(c.id()).participants());
                })
                .toList();
        pages.render(ctx, "web/home.jte", Map.of("open", open, "series", series.apply(reader)));
    }
}
