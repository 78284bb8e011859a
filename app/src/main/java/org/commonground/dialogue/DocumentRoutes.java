package org.commonground.dialogue;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Authentication;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/**
 * The shared-understanding document's API: anyone reads published versions with the latest round's
 * support for each citation; the dialogue's editors and organizers write sections and clauses, save
 * versions, ask the language model for drafts and publish; editors approve for their country cohort;
 * the organizers grant the editor role.
 */
final class DocumentRoutes {
    private final DialogueStore dialogues;
    private final Organizing organizing;
    private final DocumentEditing editing;
    private final DialogueEditors editors;
    private final DocumentStore store;
    private final DocumentViews views;
    private final CitationSupport support;
    private final DialogueAnalysis analysis;
    private final Accounts accounts;
    private final Authentication authentication;
    private final Pages pages;

    DocumentRoutes(
            DialogueStore dialogues,
            Organizing organizing,
            DocumentEditing editing,
            DialogueEditors editors,
            DocumentStore store,
            DocumentViews views,
            CitationSupport support,
            DialogueAnalysis analysis,
            Accounts accounts,
            Authentication authentication,
            Pages pages) {
        this.dialogues = dialogues;
        this.organizing = organizing;
        this.editing = editing;
        this.editors = editors;
        this.store = store;
        this.views = views;
        this.support = support;
        this.analysis = analysis;
        this.accounts = accounts;
        this.authentication = authentication;
        this.pages = pages;
    }

    /** Grant the editor role to an account, by id or by e-mail, for a country cohort (JP, KR, …). */
    public record EditorGrant(Long accountId, String email, String country) {}

    void addTo(Api api) {
        String base = "/api/v1/dialogues/{dialogueId}/document";
        api.get(base)
                .id("getDialogueDocument")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("The dialogue's shared-understanding document as last published, with the latest round's"
                        + " support for each cited statement (per country cohort and opinion group, 95% Wilson"
                        + " intervals) and the statements Japan's and Korea's cohorts still split on")
                .returns(DocumentViews.DocumentJson.class)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    SharedDocument.Version v = editing.published(d)
                            .orElseThrow(
                                    () -> new NotFound("document-not-published", "problem.document-not-published"));
                    ctx.json(views.json(d, v, support.latest(d, c -> analysis.readable(ctx, c))));
                });
        api.get(base + "/draft")
                .id("getDialogueDocumentDraft")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("The working draft: every section with every clause, machine drafts not yet approved"
                        + " included (the dialogue's editors and organizers)")
                .returns(Api.listOf(SharedDocument.Section.class))
                .handle(ctx -> {
                    editing.requireWriter(ctx, id(ctx));
                    ctx.json(store.sections(id(ctx)));
                });
        api.get(base + "/versions")
                .id("listDialogueDocumentVersions")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("The document's versions, v1 first: the published ones, and every one for its editors and"
                        + " organizers")
                .returns(Api.listOf(SharedDocument.VersionSummary.class))
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    ctx.json(visible(ctx, d).stream()
                            .map(v -> new SharedDocument.VersionSummary(
                                    v.number(),
                                    v.savedAt(),
                                    v.approvals().stream()
                                            .map(SharedDocument.Approval::country)
                                            .distinct()
                                            .toList(),
                                    v.publishedAt()))
                            .toList());
                });
        api.get(base + "/versions/{number}")
                .id("getDialogueDocumentVersion")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("One version with the latest round's support for its citations (a version not yet published:"
                        + " its editors and organizers)")
                .returns(DocumentViews.DocumentJson.class)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    SharedDocument.Version v = visibleVersion(ctx, d, number(ctx));
                    ctx.json(views.json(d, v, support.latest(d, c -> analysis.readable(ctx, c))));
                });
        api.get(base + "/versions/{number}/changes")
                .id("getDialogueDocumentChanges")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("What changed from the version before (or ?from=n) to this one, clause by clause, word by word"
                        + " in the reader's language")
                .returns(DocumentPage.Changes.class)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    SharedDocument.Version newer = visibleVersion(ctx, d, number(ctx));
                    int from =
                            ctx.queryParam("from") == null ? newer.number() - 1 : versionNumber(ctx.queryParam("from"));
                    SharedDocument.Version older = visibleVersion(ctx, d, from);
                    ctx.json(views.changes(d, older, newer, pages.page(ctx)));
                });
        api.post(base + "/sections")
                .id("createDialogueDocumentSection")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("A new last section of the working draft, titled by its topic in ja / ko / en (editors and"
                        + " organizers)")
                .body(DocumentEditing.SectionInput.class)
                .returns(SharedDocument.Section.class, 201)
                .handle(ctx -> {
                    long id = id(ctx);
                    editing.requireWriter(ctx, id);
                    var in = Requests.body(ctx, DocumentEditing.SectionInput.class);
                    ctx.status(201).json(editing.addSection(id, in));
                });
        api.put(base + "/sections/{sectionId}")
                .id("updateDialogueDocumentSection")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("New titles of a section (editors and organizers)")
                .body(DocumentEditing.SectionInput.class)
                .returns(SharedDocument.Section.class)
                .handle(ctx -> {
                    long id = id(ctx);
                    editing.requireWriter(ctx, id);
                    long section = section(ctx, id);
                    var in = Requests.body(ctx, DocumentEditing.SectionInput.class);
                    ctx.json(editing.retitleSection(id, section, in));
                });
        api.post(base + "/sections/{sectionId}/clauses")
                .id("createDialogueDocumentClause")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("A new last clause of a section: its text per language and the statements of the dialogue's"
                        + " rounds it cites (editors and organizers)")
                .body(DocumentEditing.ClauseInput.class)
                .returns(SharedDocument.Clause.class, 201)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = editing.requireWriter(ctx, id);
                    long section = section(ctx, id);
                    var in = Requests.body(ctx, DocumentEditing.ClauseInput.class);
                    ctx.status(201).json(editing.addClause(by, dialogues.get(id), section, in));
                });
        api.put(base + "/clauses/{clauseId}")
                .id("updateDialogueDocumentClause")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("New texts and citations of a clause; a machine draft so rewritten (or sent back as it is)"
                        + " is approved by the caller (editors and organizers)")
                .body(DocumentEditing.ClauseInput.class)
                .returns(SharedDocument.Clause.class)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = editing.requireWriter(ctx, id);
                    long clause = clause(ctx, id);
                    var in = Requests.body(ctx, DocumentEditing.ClauseInput.class);
                    ctx.json(editing.rewriteClause(by, dialogues.get(id), clause, in));
                });
        api.delete(base + "/clauses/{clauseId}")
                .id("deleteDialogueDocumentClause")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Removes a clause from the working draft; saved versions keep it (editors and organizers)")
                .noContent()
                .handle(ctx -> {
                    long id = id(ctx);
                    editing.requireWriter(ctx, id);
                    long clause = clause(ctx, id);
                    store.deleteClause(clause);
                    ctx.status(204);
                });
        api.post(base + "/sections/{sectionId}/draft")
                .id("draftDialogueDocumentSection")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Asks the language model (serve --llm) for a draft of the section from the latest round's"
                        + " common ground; each sentence must cite the statements given as [s123] (others are"
                        + " dropped or flagged); stored as an unapproved clause (editors and organizers)")
                .body(DocumentEditing.DraftRequest.class)
                .returns(DocumentEditing.DraftAnswer.class, 201)
                .problems(409, 503)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = editing.requireWriter(ctx, id);
                    long section = section(ctx, id);
                    var in = Requests.body(ctx, DocumentEditing.DraftRequest.class);
                    ctx.status(201)
                            .json(editing.draft(
                                    by,
                                    dialogues.get(id),
                                    section,
                                    in,
                                    pages.page(ctx).lang(),
                                    c -> analysis.readable(ctx, c)));
                });
        api.post(base + "/versions")
                .id("saveDialogueDocumentVersion")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Saves the working draft's approved clauses as the next version, v1, v2, … (editors and"
                        + " organizers)")
                .returns(SharedDocument.Version.class, 201)
                .problems(422)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = editing.requireWriter(ctx, id);
                    ctx.status(201).json(editing.saveVersion(by, dialogues.get(id)));
                });
        api.post(base + "/versions/{number}/approval")
                .id("approveDialogueDocumentVersion")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("The caller's approval of a version for the country cohort they edit for (the dialogue's"
                        + " editors)")
                .returns(SharedDocument.Version.class)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = authentication.requireAccount(ctx);
                    ctx.json(editing.approve(by, dialogues.get(id), number(ctx)));
                });
        api.post(base + "/versions/{number}/publication")
                .id("publishDialogueDocumentVersion")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Publishes a version at /d/{dialogueId}/document once an editor of Japan's cohort and one of"
                        + " Korea's approved it; 409 naming the cohorts missing otherwise (editors and organizers)")
                .returns(SharedDocument.Version.class)
                .problems(409)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account by = authentication.requireAccount(ctx);
                    ctx.json(editing.publish(by, dialogues.get(id), number(ctx)));
                });
        api.get("/api/v1/dialogues/{dialogueId}/editors")
                .id("listDialogueEditors")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("The dialogue's editors and the country cohort each edits for (the dialogue's organizers)")
                .returns(Api.listOf(SharedDocument.Editor.class))
                .handle(ctx -> {
                    long id = id(ctx);
                    organizing.requireOrganizer(ctx, id);
                    ctx.json(editors.list(id));
                });
        api.post("/api/v1/dialogues/{dialogueId}/editors")
                .id("grantDialogueEditor")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Makes an account (by id or e-mail) an editor of the dialogue for a country cohort; the"
                        + " dialogue's editors after it (the dialogue's organizers)")
                .body(EditorGrant.class)
                .returns(Api.listOf(SharedDocument.Editor.class), 201)
                .handle(ctx -> {
                    long id = id(ctx);
                    organizing.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, EditorGrant.class);
                    editors.grant(id, accountOf(in), in.country());
                    ctx.status(201).json(editors.list(id));
                });
    }

    private long accountOf(EditorGrant in) {
        if (in.accountId() != null) {
            return in.accountId();
        }
        if (in.email() == null || in.email().isBlank()) {
            throw Invalid.field("email", "document.editor.who");
        }
        return accounts.findByEmail(in.email().strip())
                .map(Account::id)
                .orElseThrow(() -> Invalid.field("email", "document.editor.unknown"));
    }

    private List<SharedDocument.Version> visible(Context ctx, Dialogue d) {
        return editing.visible(d, authentication.account(ctx));
    }

    private SharedDocument.Version visibleVersion(Context ctx, Dialogue d, int number) {
        return editing.visibleVersion(d, number, authentication.account(ctx));
    }

    private long section(Context ctx, long dialogueId) {
        long section = PathIds.of(ctx, "sectionId");
        if (store.dialogueOfSection(section) != dialogueId) {
            throw NotFound.of("section", section);
        }
        return section;
    }

    private long clause(Context ctx, long dialogueId) {
        long clause = PathIds.of(ctx, "clauseId");
        if (store.dialogueOfClause(clause) != dialogueId) {
            throw NotFound.of("clause", clause);
        }
        return clause;
    }

    private static long id(Context ctx) {
        return PathIds.of(ctx, "dialogueId");
    }

    /** A version number from the query; 404 when it is none. */
    private static int versionNumber(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through: not a version
        }
        throw new NotFound("document-version-not-found", "problem.document-version-not-found", raw);
    }

    private static int number(Context ctx) {
        return (int) Math.min(Integer.MAX_VALUE, PathIds.of(ctx, "number"));
    }
}
