package org.commonground.embed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.Readable;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.SecurityHeaders;

/**
 * The embed pages, framable by the conversation's listed origins only: the vote card (join
 * included; the participant's token kept by the card's own script, see docs/mail.md) and the
 * summary; and the organizer's page listing the origins and giving the snippet.
 */
final class EmbedPages {
    private final Pages pages;
    private final EmbedStore store;
    private final Readable readable;
    private final Access access;
    private final ConversationActivity activity;

    EmbedPages(Pages pages, EmbedStore store, Readable readable, Access access, ConversationActivity activity) {
        this.pages = pages;
        this.store = store;
        this.readable = readable;
        this.access = access;
        this.activity = activity;
    }

    void addTo(RoutesConfig r) {
        r.get("/embed/c/{conversationId}", this::card);
        r.get("/embed/c/{conversationId}/summary", this::summary);
        r.get("/organize/c/{conversationId}/embed", ctx -> organize(ctx, null, ""));
        r.post("/organize/c/{conversationId}/embed", this::save);
    }

    private void card(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        SecurityHeaders.frameableBy(ctx, store.origins(id));
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        pages.render(ctx, "embed/card.jte", model);
    }

    private void summary(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        SecurityHeaders.frameableBy(ctx, store.origins(id));
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("counts", activity.counts(id));
        pages.render(ctx, "embed/summary.jte", model);
    }

    private void organize(Context ctx, String text, String error) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        List<String> origins = store.origins(id);
        String base = ctx.scheme() + "://" + (ctx.host() == null ? "localhost" : ctx.host());
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("origins", text != null ? text : String.join("\n", origins));
        model.put("listed", !origins.isEmpty());
        model.put("cardSnippet", snippet(base + "/embed/c/" + id, "Common Ground", 520));
        model.put("summarySnippet", snippet(base + "/embed/c/" + id + "/summary", "Common Ground", 320));
        model.put("error", error);
        model.put("saved", ctx.queryParam("saved") != null);
        pages.render(ctx, "embed/organize.jte", model);
    }

    private void save(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        String text = ctx.formParam("origins") == null ? "" : ctx.formParam("origins");
        List<String> lines = Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        try {
            store.replace(id, EmbedOrigins.validate(lines));
            ctx.redirect("/organize/c/" + id + "/embed?saved=1", HttpStatus.SEE_OTHER);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            var f = e.fieldErrors().isEmpty() ? null : e.fieldErrors().getFirst();
            organize(ctx, text, f == null ? page.t(e.messageKey(), e.args()) : page.t(f.messageKey(), f.args()));
        }
    }

    static String snippet(String src, String title, int height) {
        return "<iframe src=\"" + src + "\" title=\"" + title + "\" width=\"100%\" height=\"" + height
                + "\" style=\"border:0;max-width:480px\" loading=\"lazy\"></iframe>";
    }
}
