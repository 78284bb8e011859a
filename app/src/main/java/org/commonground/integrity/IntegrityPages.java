package org.commonground.integrity;

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
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The integrity panel of a conversation, among its moderators' pages: the signals with their
 * thresholds, a form on each cluster (and on the one-value voters) that leaves them out of the
 * analysis, and the audit log, each exclusion with a form that restores it.
 */
final class IntegrityPages {
    private final Pages pages;
    private final Readable readable;
    private final IntegrityReview review;
    private final Access access;

    IntegrityPages(Pages pages, Readable readable, IntegrityReview review, Access access) {
        this.pages = pages;
        this.readable = readable;
        this.review = review;
        this.access = access;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/moderate/c/{conversationId}/integrity", this::panel);
        routes.post("/moderate/c/{conversationId}/integrity/exclusions", this::exclude);
        routes.post("/moderate/c/{conversationId}/integrity/exclusions/{auditId}/restore", this::restore);
    }

    private void panel(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireModerator(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("view", review.signals(id));
        model.put("audit", review.audit(id));
        String done = ctx.queryParam("done");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                        java.time.format.FormatStyle.SHORT)
                .withLocale(Language.of(ctx).locale())
                .withZone(java.time.ZoneOffset.UTC);
        model.put("time", (java.util.function.Function<java.time.Instant, String>) at -> f.format(at) + " UTC");
        model.put("notice", done == null || !List.of("excluded", "restored").contains(done) ? "" : done);
        pages.render(ctx, "moderate/integrity.jte", model);
    }

    private void exclude(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Account moderator = access.requireModerator(ctx, id);
        review.exclude(
                id,
                moderator,
                new IntegrityReview.Decision(
                        IntegrityReview.parseIds(ctx.formParams("participants")),
                        ctx.formParam("reason"),
                        ctx.formParam("note")));
        ctx.redirect("/moderate/c/" + id + "/integrity?done=excluded", HttpStatus.SEE_OTHER);
    }

    private void restore(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long auditId = PathIds.of(ctx, "auditId");
        Account moderator = access.requireModerator(ctx, id);
        review.undo(id, auditId, moderator, ctx.formParam("note"));
        ctx.redirect("/moderate/c/" + id + "/integrity?done=restored", HttpStatus.SEE_OTHER);
    }
}
