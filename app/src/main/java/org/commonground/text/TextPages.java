package org.commonground.text;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Readable;
import org.commonground.problem.Invalid;
import org.commonground.statement.StatementText;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The "similar statements already exist — vote on one of them?" fragment under the writing box:
 * htmx asks for it while the participant types, with the draft as {@code text}, and gets the
 * accepted statements alike it, each with vote buttons, or nothing.
 */
final class TextPages {
    /** Shorter drafts (folded code points) are not checked: a word or two matches too much. */
    static final int MIN_DRAFT = 6;

    private static final int SHOWN = 3;

    private final Pages pages;
    private final Readable readable;
    private final ParticipantCheck participants;
    private final StatementSearch search;

    TextPages(Pages pages, Readable readable, ParticipantCheck participants, StatementSearch search) {
        this.pages = pages;
        this.readable = readable;
        this.participants = participants;
        this.search = search;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/c/{conversationId}/similar", this::similar);
    }

    private void similar(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        participants.require(ctx, id);
        List<SimilarStatement> found = List.of();
        String draft = ctx.queryParam("text");
        if (draft != null
                && StatementText.fold(draft)
                                .codePointCount(0, StatementText.fold(draft).length())
                        >= MIN_DRAFT) {
            try {
                String text = StatementText.normalize(draft);
                found = search.similar(
                        id, Set.of("accepted"), StatementText.detectLanguage(text), text, Likeness.DUPLICATE, SHOWN);
            } catch (Invalid tooLong) {
                // The writing form itself says what is wrong with the draft when it is posted.
            }
        }
        pages.render(
                ctx,
                "text/similar.jte",
                Map.of("conversationId", id, "similar", found, "open", c.state() == ConversationState.OPEN));
    }
}
