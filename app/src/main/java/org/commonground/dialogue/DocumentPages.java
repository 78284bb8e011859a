package org.commonground.dialogue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Authentication;
import org.commonground.problem.CommonGroundException;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The document's public pages — the version last published at {@code /d/{id}/document}, every
 * version at {@code /d/{id}/document/v/{n}} and what changed at {@code …/changes}, in ja / ko / en and
 * printable — and the organizer's page of editors.
 */
final class DocumentPages {
    private final Pages pages;
    private final DialogueStore dialogues;
    private final Organizing organizing;
    private final DocumentEditing editing;
    private final DialogueEditors editors;
    private final DocumentViews views;
    private final CitationSupport support;
    private final DialogueAnalysis analysis;
    private final Accounts accounts;
    private final Authentication authentication;

    DocumentPages(
            Pages pages,
            DialogueStore dialogues,
            Organizing organizing,
            DocumentEditing editing,
            DialogueEditors editors,
            DocumentViews views,
            CitationSupport support,
            DialogueAnalysis analysis,
            Accounts accounts,
            Authentication authentication) {
        this.pages = pages;
        this.dialogues = dialogues;
        this.organizing = organizing;
        this.editing = editing;
        this.editors = editors;
        this.views = views;
        this.support = support;
        this.analysis = analysis;
        this.accounts = accounts;
        this.authentication = authentication;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/d/{dialogueId}/document", this::published);
        routes.get("/d/{dialogueId}/document/v/{number}", this::version);
        routes.get("/d/{dialogueId}/document/v/{number}/changes", this::changes);
        routes.get(
                "/organize/d/{dialogueId}/editors",
                ctx -> editorsPage(
                        ctx,
                        ctx.queryParam("granted") == null ? "" : pages.page(ctx).t("document.editor.granted"),
                        ""));
        routes.post("/organize/d/{dialogueId}/editors", this::grant);
    }

    private void published(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        Optional<SharedDocument.Version> v = editing.published(d);
        if (v.isEmpty()) {
            ctx.status(404);
            Page page = pages.page(ctx);
            pages.render(
                    ctx,
                    "dialogue/document-none.jte",
                    Map.of("dialogueId", d.id(), "title", d.text(page.lang()).title(), "editUrl", editUrl(ctx, d)));
            return;
        }
        render(ctx, d, v.get());
    }

    private void version(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        Optional<Account> account = authentication.account(ctx);
        render(ctx, d, editing.visibleVersion(d, number(ctx), account));
    }

    private void render(Context ctx, Dialogue d, SharedDocument.Version v) {
        Optional<Account> account = authentication.account(ctx);
        Page page = pages.page(ctx);
        DocumentPage.View view =
                views.view(d, v, editing.visible(d, account), support.latest(d, c -> analysis.readable(ctx, c)), page);
        pages.render(ctx, "dialogue/document.jte", Map.of("v", view, "editUrl", editUrl(ctx, d)));
    }

    /** The editors' page for a signed-in writer of the document; empty for anyone else. */
    private String editUrl(Context ctx, Dialogue d) {
        return authentication
                .account(ctx)
                .filter(a -> editing.writes(a, d))
                .map(a -> DocumentEditorPages.url(d.id()))
                .orElse("");
    }

    private void changes(Context ctx) {
        Dialogue d = organizing.readable(ctx, PathIds.of(ctx, "dialogueId"));
        Optional<Account> account = authentication.account(ctx);
        SharedDocument.Version newer = editing.visibleVersion(d, number(ctx), account);
        SharedDocument.Version older = editing.visibleVersion(d, Math.max(1, newer.number() - 1), account);
        pages.render(
                ctx, "dialogue/document-changes.jte", Map.of("c", views.changes(d, older, newer, pages.page(ctx))));
    }

    private void editorsPage(Context ctx, String notice, String error) {
        long id = PathIds.of(ctx, "dialogueId");
        organizing.requireOrganizer(ctx, id);
        Dialogue d = dialogues.get(id);
        Page page = pages.page(ctx);
        List<DocumentPage.EditorRow> rows = editors.list(id).stream()
                .map(e -> new DocumentPage.EditorRow(e.email(), page.cohort(CitationSupport.COUNTRY, e.country())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("e", new DocumentPage.EditorsView(id, d.text(page.lang()).title(), rows, notice, error));
        pages.render(ctx, "dialogue/editors.jte", model);
    }

    private void grant(Context ctx) {
        long id = PathIds.of(ctx, "dialogueId");
        organizing.requireOrganizer(ctx, id);
        Page page = pages.page(ctx);
        String email =
                ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        Optional<Account> account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            ctx.status(422);
            editorsPage(ctx, "", page.t("document.editor.unknown"));
            return;
        }
        try {
            editors.grant(id, account.get().id(), ctx.formParam("country"));
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            editorsPage(ctx, "", message);
            return;
        }
        ctx.redirect("/organize/d/" + id + "/editors?granted=1");
    }

    private static int number(Context ctx) {
        return (int) Math.min(Integer.MAX_VALUE, PathIds.of(ctx, "number"));
    }
}
