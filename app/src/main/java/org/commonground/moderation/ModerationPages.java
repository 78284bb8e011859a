package org.commonground.moderation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.problem.Invalid;
import org.commonground.statement.QueueItem;
import org.commonground.translation.Translations;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The moderation queue: pending statements first, each with its translations, accepted or
 * rejected with a reason. With htmx a decision replaces just that statement's entry; without it
 * the form posts and the queue is shown again.
 */
final class ModerationPages {
    static final List<String> FILTERS = List.of("pending", "accepted", "rejected", "all");

    private final Pages pages;
    private final Readable readable;
    private final ModerationDesk moderation;
    private final Translations translations;
    private final Access access;

    ModerationPages(
            Pages pages, Readable readable, ModerationDesk moderation, Translations translations, Access access) {
        this.pages = pages;
        this.readable = readable;
        this.moderation = moderation;
        this.translations = translations;
        this.access = access;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/moderate/c/{conversationId}", this::queue);
        routes.post("/moderate/c/{conversationId}/s/{statementId}", this::decide);
    }

    private void queue(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireModerator(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        String asked = ctx.queryParam("state");
        String filter = asked != null && FILTERS.contains(asked) ? asked : "pending";
        List<QueueEntry> entries = moderation.queue(id, filter.equals("all") ? null : filter, 200, 0).stream()
                .map(i -> new QueueEntry(i, translations.of(id, i.id())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("filter", filter);
        model.put("filters", FILTERS);
        model.put("entries", entries);
        pages.render(ctx, "moderate/queue.jte", model);
    }

    private void decide(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long statementId = PathIds.of(ctx, "statementId");
        Account moderator = access.requireModerator(ctx, id);
        String decision = ctx.formParam("decision");
        QueueItem item;
        try {
            item = moderation.decide(
                    id, statementId, moderator.id(), new ModerationDesk.Decision(decision, ctx.formParam("reason")));
        } catch (Invalid e) {
            if (!"true".equals(ctx.header("HX-Request"))) {
                throw e;
            }
            ctx.status(e.status());
            var page = pages.page(ctx);
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            pages.render(
                    ctx,
                    "moderate/entry.jte",
                    Map.of(
                            "c",
                            readable.conversation(ctx, id),
                            "e",
                            new QueueEntry(moderation.item(id, statementId), translations.of(id, statementId)),
                            "error",
                            message));
            return;
        }
        if ("true".equals(ctx.header("HX-Request"))) {
            pages.render(
                    ctx,
                    "moderate/entry.jte",
                    Map.of(
                            "c",
                            readable.conversation(ctx, id),
                            "e",
                            new QueueEntry(item, translations.of(id, statementId)),
                            "error",
                            ""));
        } else {
            ctx.redirect(
                    "/moderate/c/" + id + "?state="
                            + ctx.queryParamMap()
                                    .getOrDefault("state", List.of("pending"))
                                    .getFirst(),
                    HttpStatus.SEE_OTHER);
        }
    }
}
