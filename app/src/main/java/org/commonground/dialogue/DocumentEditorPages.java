package org.commonground.dialogue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The editors' page of the document, {@code /organize/d/{id}/document}: the working draft with every
 * language's text and its citations' support, forms to add sections and clauses, rewrite, delete and
 * approve them, ask the language model for a draft, save versions, approve and publish them. Plain
 * forms (the CSRF token checked for every page post), each answered by a redirect back to the page,
 * or by the page with what was refused; every rule is {@link DocumentEditing}'s, as for the API.
 */
final class DocumentEditorPages {
    /** What a redirect after a post says was done: the {@code done} query value, its message. */
    private static final Set<String> DONE = Set.of(
            "section", "clause", "rewritten", "deleted", "approved", "drafted", "saved", "approval", "published");

    private final Pages pages;
    private final DialogueStore dialogues;
    private final DocumentEditing editing;
    private final DialogueEditors editors;
    private final DocumentStore store;
    private final DocumentViews views;
    private final CitationSupport support;
    private final DialogueAnalysis analysis;
    private final Accounts accounts;

    DocumentEditorPages(
            Pages pages,
            DialogueStore dialogues,
            DocumentEditing editing,
            DialogueEditors editors,
            DocumentStore store,
            DocumentViews views,
            CitationSupport support,
            DialogueAnalysis analysis,
            Accounts accounts) {
        this.pages = pages;
        this.dialogues = dialogues;
        this.editing = editing;
        this.editors = editors;
        this.store = store;
        this.views = views;
        this.support = support;
        this.analysis = analysis;
        this.accounts = accounts;
    }

    static String url(long dialogueId) {
        return "/organize/d/" + dialogueId + "/document";
    }

    void addTo(RoutesConfig routes) {
        String base = "/organize/d/{dialogueId}/document";
        routes.get(base, this::show);
        routes.post(
                base + "/sections",
                ctx -> act(ctx, "add-section", "section", (by, d) -> {
                    editing.addSection(d.id(), new DocumentEditing.SectionInput(texts(ctx, "title-")));
                }));
        routes.post(base + "/sections/{sectionId}/clauses", ctx -> {
            long section = sectionOfPath(ctx);
            act(ctx, "add-clause-" + section, "clause", (by, d) -> editing.addClause(by, d, section, clauseForm(ctx)));
        });
        routes.post(base + "/sections/{sectionId}/draft", ctx -> {
            long section = sectionOfPath(ctx);
            act(
                    ctx,
                    "draft-" + section,
                    "drafted",
                    (by, d) -> editing.draft(
                            by,
                            d,
                            section,
                            new DocumentEditing.DraftRequest(ctx.formParam("lang")),
                            pages.page(ctx).lang(),
                            c -> analysis.readable(ctx, c)));
        });
        routes.post(base + "/clauses/{clauseId}", ctx -> {
            long clause = clauseOfPath(ctx);
            act(ctx, "clause-" + clause, "rewritten", (by, d) -> editing.rewriteClause(by, d, clause, clauseForm(ctx)));
        });
        routes.post(base + "/clauses/{clauseId}/approval", ctx -> {
            long clause = clauseOfPath(ctx);
            act(ctx, "clause-" + clause, "approved", (by, d) -> {
                SharedDocument.Clause c = draftClause(d, clause);
                // Sent back as it is: the same rule as the API's PUT approves a machine draft.
                editing.rewriteClause(by, d, clause, new DocumentEditing.ClauseInput(c.texts(), c.cites()));
            });
        });
        routes.post(base + "/clauses/{clauseId}/deletion", ctx -> {
            long clause = clauseOfPath(ctx);
            act(ctx, "clause-" + clause, "deleted", (by, d) -> store.deleteClause(clause));
        });
        routes.post(base + "/versions", ctx -> act(ctx, "save-version", "saved", editing::saveVersion));
        routes.post(base + "/versions/{number}/approval", ctx -> {
            int number = number(ctx);
            act(ctx, "version-" + number, "approval", (by, d) -> editing.approve(by, d, number));
        });
        routes.post(base + "/versions/{number}/publication", ctx -> {
            int number = number(ctx);
            act(ctx, "version-" + number, "published", (by, d) -> {
                try {
                    editing.publish(by, d, number);
                } catch (Conflict e) {
                    List<String> missing = DocumentEditing.missingApprovals(editing.version(d.id(), number));
                    if (missing.isEmpty()) {
                        throw e;
                    }
                    Page page = pages.page(ctx);
                    throw new Refused(page.t(
                            "problem.document-approvals-missing",
                            number,
                            missing.stream()
                                    .map(c -> page.cohort(CitationSupport.COUNTRY, c))
                                    .collect(Collectors.joining(page.t("document.list-separator")))));
                }
            });
        });
    }

    /** One change of the document by a writer of it. */
    private interface Change {
        void apply(Account by, Dialogue d);
    }

    /** A refusal already worded for the reader (the cohorts a publication lacks, by name). */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Applies the change for a writer of the document (else 401 / 403 / 404 as the API), then
     * redirects back to the page saying what was done; a refusal shows the page with the reason next
     * to form {@code at}.
     */
    private void act(Context ctx, String at, String done, Change change) {
        long id = PathIds.of(ctx, "dialogueId");
        Account by = editing.requireWriter(ctx, id);
        Dialogue d = dialogues.get(id);
        Page page = pages.page(ctx);
        try {
            change.apply(by, d);
        } catch (Refused e) {
            ctx.status(409);
            show(ctx, by, d, "", e.getMessage(), at, kept(ctx));
            return;
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            show(ctx, by, d, "", message(e, page), at, kept(ctx));
            return;
        }
        ctx.redirect(url(id) + "?done=" + done + "#" + at);
    }

    private void show(Context ctx) {
        long id = PathIds.of(ctx, "dialogueId");
        Account by = editing.requireWriter(ctx, id);
        Page page = pages.page(ctx);
        String done = ctx.queryParam("done");
        String notice = done != null && DONE.contains(done) ? page.t("document.desk.done." + done) : "";
        show(ctx, by, dialogues.get(id), notice, "", "", Map.of());
    }

    private void show(
            Context ctx,
            Account by,
            Dialogue d,
            String notice,
            String error,
            String errorAt,
            Map<String, String> kept) {
        Page page = pages.page(ctx);
        Optional<CitationSupport.Round> round = support.latest(d, c -> analysis.readable(ctx, c));
        List<DocumentPage.DeskSection> sections = new ArrayList<>();
        for (SharedDocument.Section s : store.sections(d.id())) {
            List<DocumentPage.DeskClause> clauses = new ArrayList<>();
            for (SharedDocument.Clause c : s.clauses()) {
                clauses.add(new DocumentPage.DeskClause(
                        c.id(),
                        langTexts(c.texts(), page),
                        ids(c.cites()),
                        c.approved(),
                        "machine".equals(c.origin()),
                        ids(c.flagged()),
                        views.citations(c.cites(), round, page)));
            }
            sections.add(new DocumentPage.DeskSection(
                    s.id(), DocumentViews.shown(s.titles(), page), langTexts(s.titles(), page), clauses));
        }
        Optional<String> mine = editors.countryOf(d.id(), by.id());
        List<SharedDocument.Version> versions = store.versions(d.id());
        Map<Long, String> emails = accounts.emails(versions.stream()
                .flatMap(v -> v.approvals().stream())
                .map(SharedDocument.Approval::accountId)
                .distinct()
                .toList());
        List<DocumentPage.DeskVersion> rows = new ArrayList<>();
        for (SharedDocument.Version v : versions.reversed()) {
            rows.add(new DocumentPage.DeskVersion(
                    v.number(),
                    when(v.savedAt(), page),
                    v.published(),
                    v.published() ? when(v.publishedAt(), page) : "",
                    v.approvals().stream()
                            .map(a -> new DocumentPage.DeskApproval(
                                    page.cohort(CitationSupport.COUNTRY, a.country()),
                                    emails.getOrDefault(a.accountId(), ""),
                                    when(a.approvedAt(), page)))
                            .toList(),
                    DocumentViews.versionUrl(d.id(), v.number()),
                    mine.isPresent() && v.approvals().stream().anyMatch(a -> a.accountId() == by.id())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put(
                "e",
                new DocumentPage.DeskView(
                        d.id(),
                        d.text(page.lang()).title(),
                        mine.map(c -> page.cohort(CitationSupport.COUNTRY, c)).orElse(""),
                        editing.drafts(),
                        sections,
                        views.citable(d, page),
                        round.map(r -> r.round.number()).orElse(0),
                        rows,
                        notice,
                        error,
                        errorAt,
                        kept));
        pages.render(ctx, "dialogue/document-edit.jte", model);
    }

    /** The fields of the form posted, but its token. */
    private static Map<String, String> kept(Context ctx) {
        Map<String, String> out = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals(org.commonground.web.Csrf.FIELD) && !values.isEmpty()) {
                out.put(name, values.getFirst());
            }
        });
        return out;
    }

    /** The reason of a refusal in the reader's language: its first field's, else its own. */
    private static String message(CommonGroundException e, Page page) {
        if (e.fieldErrors().isEmpty()) {
            return page.t(e.messageKey(), e.args());
        }
        var f = e.fieldErrors().getFirst();
        return page.t(f.messageKey(), f.args());
    }

    /** The form's texts {@code prefix + ja|ko|en}, the blank ones left out. */
    private static Map<String, String> texts(Context ctx, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            String v = ctx.formParam(prefix + l.code());
            if (v != null && !v.isBlank()) {
                out.put(l.code(), v);
            }
        }
        return out;
    }

    /** A clause from the form: texts {@code text-ja|ko|en} and the cited statements' ids, "12, 34". */
    private static DocumentEditing.ClauseInput clauseForm(Context ctx) {
        return new DocumentEditing.ClauseInput(texts(ctx, "text-"), cites(ctx.formParam("cites")));
    }

    static List<Long> cites(String raw) {
        List<Long> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.strip().split("[\\s,、，]+")) {
            String id = part.startsWith("s") || part.startsWith("S") ? part.substring(1) : part;
            try {
                out.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw Invalid.field("cites", "document.cites.format");
            }
        }
        return out;
    }

    private SharedDocument.Clause draftClause(Dialogue d, long clauseId) {
        return store.sections(d.id()).stream()
                .flatMap(s -> s.clauses().stream())
                .filter(c -> c.id() == clauseId)
                .findFirst()
                .orElseThrow(() -> NotFound.of("clause", clauseId));
    }

    private static List<DocumentPage.LangText> langTexts(Map<String, String> texts, Page page) {
        return page.languages().stream()
                .map(l -> new DocumentPage.LangText(
                        l.code(), page.t("lang.named." + l.code()), texts.getOrDefault(l.code(), "")))
                .toList();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String when(Instant at, Page page) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(page.lang().locale())
                        .withZone(ZoneOffset.UTC)
                        .format(at)
                + " UTC";
    }

    /** The section of the path, for a writer of the document only (else 401 / 403 / 404 before anything is said of it). */
    private long sectionOfPath(Context ctx) {
        editing.requireWriter(ctx, PathIds.of(ctx, "dialogueId"));
        long section = PathIds.of(ctx, "sectionId");
        if (store.dialogueOfSection(section) != PathIds.of(ctx, "dialogueId")) {
            throw NotFound.of("section", section);
        }
        return section;
    }

    private long clauseOfPath(Context ctx) {
        editing.requireWriter(ctx, PathIds.of(ctx, "dialogueId"));
        long clause = PathIds.of(ctx, "clauseId");
        if (store.dialogueOfClause(clause) != PathIds.of(ctx, "dialogueId")) {
            throw NotFound.of("clause", clause);
        }
        return clause;
    }

    private static int number(Context ctx) {
        return (int) Math.min(Integer.MAX_VALUE, PathIds.of(ctx, "number"));
    }
}
