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
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The moderation queue: pending statements first, each with its translations, accepted or
 * rejected with a reason. With htmx a decision replaces just that statement's entry; without it
 * the form posts and the queue is shown again.
 */
final class ModerationPages {
    static final List<String> FILTERS = List.of("pending", "accepted", "rejected", "all", "duplicates");

    private final Pages pages;
    private final Readable readable;
    private final ModerationDesk moderation;
    private final QueueEntries entries;
    private final Access access;

    ModerationPages(Pages pages, Readable readable, ModerationDesk moderation, QueueEntries entries, Access access) {
        this.pages = pages;
        this.readable = readable;
        this.moderation = moderation;
        this.entries = entries;
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
        Language reader = Language.of(ctx);
        Map<String, Object> model = new HashMap<>();
        if (filter.equals("duplicates")) {
            // Clusters among everything that waits or was accepted: where a duplicate is still cheap to reject.
            List<DuplicateCluster> clusters = entries.clusters(id, java.util.Set.of("pending", "accepted"));
            model.put(
                    "clusters",
                    clusters.stream()
                            .map(cl -> new ClusterEntries(cl, entries.of(id, cl.statements(), reader)))
                            .toList());
        } else {
            model.put("clusters", List.of());
        }
        List<QueueEntry> entries = filter.equals("duplicates")
                ? List.of()
                : this.entries.of(id, moderation.queue(id, filter.equals("all") ? null : filter, 200, 0), reader);
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
                    id,
                    statementId,
                    moderator.id(),
                    new ModerationDesk.Decision(decision, ctx.formParam("reason"), duplicateOf(ctx)));
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
                            entries.one(id, moderation.item(id, statementId), Language.of(ctx)),
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
                            entries.one(id, item, Language.of(ctx)),
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

    /** The form's "duplicate of #n" (a number, with or without the #), or null. */
    private static Long duplicateOf(Context ctx) {
        String raw = ctx.formParam("duplicateOf");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw Invalid.field("duplicateOf", "moderation.duplicate.unknown", raw.strip());
        }
    }
}
