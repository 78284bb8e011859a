package org.commonground.reminder;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.commonground.web.Pages;

/**
 * {@code /unsubscribe/{token}}: a GET shows a page that confirms with one button; a POST
 * unsubscribes without signing in, as a mail provider's RFC 8058 one-click POST
 * ({@code List-Unsubscribe=One-Click}) does. The token is the capability (signed, see
 * {@link org.commonground.mail.AddressSeal#sign}), so the POST needs no CSRF token.
 */
final class UnsubscribePages {
    private final Pages pages;
    private final Reminders reminders;

    UnsubscribePages(Pages pages, Reminders reminders) {
        this.pages = pages;
        this.reminders = reminders;
    }

    void addTo(RoutesConfig r) {
        r.get(Reminders.UNSUBSCRIBE_PATH + "{token}", this::confirm);
        r.post(Reminders.UNSUBSCRIBE_PATH + "{token}", this::unsubscribe);
    }

    private void confirm(Context ctx) {
        String token = ctx.pathParam("token");
        ctx.header("Referrer-Policy", "no-referrer");
        pages.render(
                ctx,
                "reminder/unsubscribe.jte",
                Map.of("token", token, "known", reminders.knows(token), "done", false));
    }

    private void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        boolean removed = reminders.unsubscribe(token);
        if ("One-Click".equals(ctx.formParam("List-Unsubscribe"))) {
            ctx.status(200)
                    .contentType("text/plain; charset=utf-8")
                    .result(removed ? "unsubscribed" : "not subscribed");
            return;
        }
        ctx.header("Referrer-Policy", "no-referrer");
        pages.render(ctx, "reminder/unsubscribe.jte", Map.of("token", token, "known", false, "done", true));
    }
}
