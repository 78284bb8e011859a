package org.commonground.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Renders the precompiled JTE templates (app/src/main/jte) as HTML answers. Every template gets
 * a {@link Page} as its {@code page} parameter, besides its own.
 */
public final class Pages {
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final String STARTED = "commonground.started";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages messages;
    private final Assets assets;
    private final Csrf csrf;
    private final boolean secureCookies;
    private volatile Function<Context, String> signedIn = ctx -> null;

    public Pages(Messages messages, Assets assets, Csrf csrf, boolean secureCookies) {
        this.messages = messages;
        this.assets = assets;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
    }

    /** Notes when a request started (for Server-Timing) and remembers a language chosen with {@code ?lang=}. */
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.before(ctx -> Language.parse(ctx.queryParam("lang")).ifPresent(l -> {
            if (!l.code().equals(ctx.cookie("lang"))) {
                ctx.cookie(new Cookie("lang", l.code(), "/", ONE_YEAR, secureCookies, false, null, SameSite.LAX));
            }
        }));
    }

    /** How the header learns who is signed in (the account feature provides it). */
    private volatile CohortLabels cohortLabels = CohortLabels.NONE;

    public void identifySignedInWith(Function<Context, String> emailOfSignedIn) {
        this.signedIn = emailOfSignedIn;
    }

    public Page page(Context ctx) {
        String otherQuery = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals("lang"))
                .flatMap(e -> e.getValue().stream().map(v -> Page.encode(e.getKey()) + "=" + Page.encode(v)))
                .collect(Collectors.joining("&"));
        Language lang = Language.of(ctx);
        String conversation = ctx.pathParamMap().get("conversationId");
        Supplier<Map<String, String>> labels = Map::of;
        if (conversation != null && conversation.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(conversation);
            // Read once per page, and only by a page that names a cohort value.
            labels = new Supplier<>() {
                private Map<String, String> read;

                @Override
                public Map<String, String> get() {
                    if (read == null) {
                        read = cohortLabels.of(id, lang);
                    }
                    return read;
                }
            };
        }
        return new Page(lang, messages, assets, csrf.token(ctx), ctx.path(), otherQuery, signedIn.apply(ctx), labels);
    }

    /** How pages of a conversation learn its cohort value labels (the translation feature provides them). */
    public void labelCohortsWith(CohortLabels labels) {
        this.cohortLabels = labels;
    }

    /** Renders {@code template} with the request's {@link Page} and answers with it as HTML. */
    public void render(Context ctx, String template, Map<String, Object> params) {
        Page page = page(ctx);
        ctx.header("Content-Language", page.lang().code());
        ctx.header("Cache-Control", "no-cache, private");
        ctx.header("Vary", "Accept-Language, Cookie");
        long renderStart = System.nanoTime();
        String html = render(template, page, params);
        long end = System.nanoTime();
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            // Server time of the page (app: queries and rendering; render: the template alone), for
            // browsers' dev tools and the bench.
            ctx.header(
                    "Server-Timing",
                    String.format(
                            java.util.Locale.ROOT,
                            "app;dur=%.2f, render;dur=%.3f",
                            (end - started) / 1e6,
                            (end - renderStart) / 1e6));
        }
        ctx.html(html);
    }

    public String render(String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput(8192);
        engine.render(template, all, out);
        return out.toString();
    }
}
