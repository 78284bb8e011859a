package org.commonground.translation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.MachineTranslationOptIn;
import org.commonground.conversation.Readable;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The organizer's page for machine translation: on or off for the conversation (saying which
 * service would receive its texts), and the glossary as one line per term,
 * {@code 竹島 | 독도 | Dokdo/Takeshima | note}.
 */
final class MachineTranslationPages {
    private final Pages pages;
    private final Readable readable;
    private final MachineTranslationRoutes routes;
    private final GlossaryStore glossaries;
    private final Access access;

    MachineTranslationPages(
            Pages pages,
            Readable readable,
            MachineTranslationSettings settings,
            TranslationJobStore jobs,
            GlossaryStore glossaries,
            Access access,
            MachineTranslationOptIn changed) {
        this.pages = pages;
        this.readable = readable;
        this.routes = new MachineTranslationRoutes(settings, jobs, glossaries, access, changed);
        this.glossaries = glossaries;
        this.access = access;
    }

    void addTo(RoutesConfig r) {
        r.get("/organize/c/{conversationId}/machine-translation", ctx -> render(ctx, null, null));
        r.post("/organize/c/{conversationId}/machine-translation", this::toggle);
        r.post("/organize/c/{conversationId}/glossary", this::saveGlossary);
    }

    private void render(Context ctx, String glossaryText, String error) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("view", routes.view(id));
        model.put("glossary", glossaryText != null ? glossaryText : lines(glossaries.of(id)));
        model.put("error", error == null ? "" : error);
        model.put("saved", ctx.queryParam("saved") == null ? "" : ctx.queryParam("saved"));
        pages.render(ctx, "organize/machine-translation.jte", model);
    }

    private void toggle(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        routes.change(id, "on".equals(ctx.formParam("machineTranslation")));
        ctx.redirect("/organize/c/" + id + "/machine-translation?saved=mt", HttpStatus.SEE_OTHER);
    }

    private void saveGlossary(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        String text = ctx.formParam("glossary") == null ? "" : ctx.formParam("glossary");
        try {
            glossaries.replace(id, parse(text));
            ctx.redirect("/organize/c/" + id + "/machine-translation?saved=glossary", HttpStatus.SEE_OTHER);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            var first = e.fieldErrors().isEmpty() ? null : e.fieldErrors().getFirst();
            String message =
                    first == null ? page.t(e.messageKey(), e.args()) : page.t(first.messageKey(), first.args());
            String line = first == null ? "" : first.field().replaceAll("^terms\\.(\\d+).*$", "$1");
            render(
                    ctx,
                    text,
                    line.matches("\\d+")
                            ? page.t("glossary.line", Integer.parseInt(line) + 1) + " " + message
                            : message);
        }
    }

    /** One term per non-empty line: ja | ko | en | note (empty cells allowed). */
    static List<Glossary.Term> parse(String text) {
        List<Glossary.Term> terms = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            terms.add(new Glossary.Term(cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3)));
        }
        return terms;
    }

    static String lines(Glossary g) {
        StringBuilder out = new StringBuilder();
        for (Glossary.Term t : g.terms()) {
            out.append(orEmpty(t.ja()))
                    .append(" | ")
                    .append(orEmpty(t.ko()))
                    .append(" | ")
                    .append(orEmpty(t.en()));
            if (t.note() != null) {
                out.append(" | ").append(t.note());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length && !cells[i].isBlank() ? cells[i].strip() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
