package org.commonground.reminder;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.participation.ParticipationFeature;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/** {@code /c/{id}/reminders}: a participant leaves an address with consent, or deletes it. */
final class ReminderPages {
    private final Pages pages;
    private final Reminders reminders;
    private final ParticipationFeature participation;
    private final Readable readable;

    ReminderPages(Pages pages, Reminders reminders, ParticipationFeature participation, Readable readable) {
        this.pages = pages;
        this.reminders = reminders;
        this.participation = participation;
        this.readable = readable;
    }

    void addTo(RoutesConfig r) {
        r.get("/c/{conversationId}/reminders", ctx -> render(ctx, "", ""));
        r.post("/c/{conversationId}/reminders", this::subscribe);
        r.post("/c/{conversationId}/reminders/delete", this::delete);
    }

    private void render(Context ctx, String error, String email) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        long participant = participant(ctx, id);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("available", reminders.on());
        model.put("subscribed", reminders.subscribed(participant));
        model.put("error", error);
        model.put("email", email);
        model.put("saved", ctx.queryParam("saved") == null ? "" : ctx.queryParam("saved"));
        pages.render(ctx, "reminder/participant.jte", model);
    }

    private void subscribe(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long participant = participant(ctx, id);
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email");
        try {
            reminders.subscribe(
                    id,
                    participant,
                    email,
                    "on".equals(ctx.formParam("consent")),
                    participation.languageOf(participant).orElse(Language.of(ctx)),
                    ReminderRoutes.baseUrl(ctx));
            ctx.redirect("/c/" + id + "/reminders?saved=on", HttpStatus.SEE_OTHER);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            StringBuilder message = new StringBuilder();
            if (e.fieldErrors().isEmpty()) {
                message.append(page.t(e.messageKey(), e.args()));
            }
            e.fieldErrors()
                    .forEach(
                            f -> message.append(message.isEmpty() ? "" : " ").append(page.t(f.messageKey(), f.args())));
            render(ctx, message.toString(), email);
        }
    }

    private void delete(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        reminders.forget(participant(ctx, id));
        ctx.redirect("/c/" + id + "/reminders?saved=off", HttpStatus.SEE_OTHER);
    }

    private long participant(Context ctx, long id) {
        participation.require(ctx, id);
        return participation.participantOf(ctx, id).orElseThrow();
    }
}
