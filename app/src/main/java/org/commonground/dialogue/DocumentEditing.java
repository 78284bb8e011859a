package org.commonground.dialogue;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.problem.Unavailable;
import org.commonground.statement.Statements;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.ShownStatements;
import org.commonground.web.InputText;
import org.commonground.web.Language;

/**
 * The rules of the shared-understanding document: who writes it (the dialogue's editors and its
 * organizers), what a section and a clause must hold (texts in ja / ko / en, citations of statements
 * of the dialogue's rounds), saving versions, editors' approvals, publication — which needs an editor
 * of Japan's cohort and one of Korea's ({@link #requireApprovals}, the one rule) — and machine drafts,
 * stored unapproved.
 */
final class DocumentEditing {
    /** Set once while wiring (the reminder mail); nobody until then. */
    private volatile DocumentPublished published = DocumentPublished.NOBODY;

    private final MachineTranslations machine;

    static final int TITLE_MAX = 200;
    static final int CLAUSE_MAX = 2000;
    static final int CITES_MAX = 20;
    /** The cohorts whose editors must both approve a version before it is published. */
    static final List<String> APPROVING = List.of(CitationSupport.JAPAN, CitationSupport.KOREA);

    private final DocumentStore store;
    private final DialogueStore dialogues;
    private final DialogueEditors editors;
    private final Statements statements;
    private final ShownStatements shown;
    private final CitationSupport support;
    private final DraftingModel model;
    private final Access access;
    private final Clock clock;

    DocumentEditing(
            DocumentStore store,
            DialogueStore dialogues,
            DialogueEditors editors,
            Statements statements,
            ShownStatements shown,
            CitationSupport support,
            DraftingModel model,
            MachineTranslations machine,
            Access access,
            Clock clock) {
        this.store = store;
        this.dialogues = dialogues;
        this.editors = editors;
        this.statements = statements;
        this.shown = shown;
        this.support = support;
        this.model = model;
        this.machine = machine;
        this.access = access;
        this.clock = clock;
    }

    /** A section's topic, titled in each language an editor wrote it in. */
    public record SectionInput(Map<String, String> titles) {}

    /** A clause: its text in each language written, and the statements (of the dialogue's rounds) it cites. */
    public record ClauseInput(Map<String, String> texts, List<Long> cites) {}

    /** Ask the language model for a draft of a section in {@code lang} (ja, ko or en). */
    public record DraftRequest(String lang) {}

    /**
     * The machine draft, stored as an unapproved clause of the section; {@code dropped} sentences cited
     * no statement the model was given and were left out.
     */
    public record DraftAnswer(SharedDocument.Clause clause, int dropped, List<Long> given) {}

    /** Whether the account writes the dialogue's document: one of its editors, its organizer or an admin. */
    boolean writes(Account account, Dialogue d) {
        return Organizing.organizes(account, d)
                || editors.countryOf(d.id(), account.id()).isPresent();
    }

    /** A writer of the dialogue's document, else 401 / 404 / 403. */
    Account requireWriter(Context ctx, long dialogueId) {
        Account account = access.requireAccount(ctx);
        Dialogue d = dialogues.get(dialogueId);
        if (!writes(account, d)) {
            throw Forbidden.role();
        }
        return account;
    }

    SharedDocument.Section addSection(long dialogueId, SectionInput in) {
        long id = store.addSection(dialogueId, texts(in == null ? null : in.titles(), "titles", TITLE_MAX, false));
        return section(dialogueId, id);
    }

    SharedDocument.Section retitleSection(long dialogueId, long sectionId, SectionInput in) {
        store.retitleSection(sectionId, texts(in == null ? null : in.titles(), "titles", TITLE_MAX, false));
        return section(dialogueId, sectionId);
    }

    SharedDocument.Clause addClause(Account by, Dialogue d, long sectionId, ClauseInput in) {
        var clean = clause(d, in);
        long id = store.addClause(sectionId, clean.texts(), clean.cites(), true, "editor", List.of(), by.id());
        return clause(d.id(), id);
    }

    SharedDocument.Clause rewriteClause(Account by, Dialogue d, long clauseId, ClauseInput in) {
        var clean = clause(d, in);
        store.rewriteClause(clauseId, clean.texts(), clean.cites(), by.id());
        return clause(d.id(), clauseId);
    }

    /** Saves the working draft's approved clauses as the next version; 422 when it has none. */
    SharedDocument.Version saveVersion(Account by, Dialogue d) {
        List<SharedDocument.Section> sections = new ArrayList<>();
        int clauses = 0;
        for (SharedDocument.Section s : store.sections(d.id())) {
            List<SharedDocument.Clause> approved =
                    s.clauses().stream().filter(SharedDocument.Clause::approved).toList();
            clauses += approved.size();
            sections.add(new SharedDocument.Section(s.id(), s.position(), s.titles(), approved));
        }
        if (clauses == 0) {
            throw Invalid.rule("document-empty", "problem.document-empty");
        }
        int number = store.saveVersion(d.id(), new SharedDocument.Snapshot(sections), by.id(), clock.instant());
        return store.version(d.id(), number).orElseThrow();
    }

    /** The latest published version, if any. */
    Optional<SharedDocument.Version> published(Dialogue d) {
        List<SharedDocument.Version> all = store.versions(d.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).published()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every version the request may see: the published ones, or all of them for the document's writers. */
    List<SharedDocument.Version> visible(Dialogue d, Optional<Account> account) {
        boolean drafts = account.map(a -> writes(a, d)).orElse(false);
        return store.versions(d.id()).stream()
                .filter(v -> drafts || v.published())
                .toList();
    }

    /** Version n if the request may see it (published, or any for the document's writers), else 404. */
    SharedDocument.Version visibleVersion(Dialogue d, int number, Optional<Account> account) {
        SharedDocument.Version v = version(d.id(), number);
        if (!v.published() && !account.map(a -> writes(a, d)).orElse(false)) {
            throw new NotFound("document-version-not-found", "problem.document-version-not-found", number);
        }
        return v;
    }

    /** Version n of the dialogue's document, or 404. */
    SharedDocument.Version version(long dialogueId, int number) {
        return store.version(dialogueId, number)
                .orElseThrow(
                        () -> new NotFound("document-version-not-found", "problem.document-version-not-found", number));
    }

    /** The editor's approval of version n for their country cohort; 404 for no such version, 403 for an account that is not an editor. */
    SharedDocument.Version approve(Account by, Dialogue d, int number) {
        version(d.id(), number);
        String country = editors.countryOf(d.id(), by.id())
                .orElseThrow(() -> new Forbidden("document-approval-editors", "problem.document-approval-editors"));
        store.approve(d.id(), number, by.id(), country, clock.instant());
        return version(d.id(), number);
    }

    /** Publishes version n once {@link #requireApprovals} holds; 404, 403 for who does not write the document, 409. */
    void whenPublished(DocumentPublished listener) {
        this.published = listener;
    }

    SharedDocument.Version publish(Account by, Dialogue d, int number) {
        SharedDocument.Version v = version(d.id(), number);
        if (!writes(by, d)) {
            throw Forbidden.role();
        }
        requireApprovals(v);
        store.publish(d.id(), number, by.id(), clock.instant());
        SharedDocument.Version done = version(d.id(), number);
        requestTranslations(d, done);
        published.documentPublished(d.id(), number);
        return done;
    }

    /**
     * Asks for machine translations of every title and clause of a published version into the
     * languages no editor wrote it in, under the latest round's conversation (whose organizer turned
     * machine translation on or not); readers see them marked until an editor writes that language.
     */
    private void requestTranslations(Dialogue d, SharedDocument.Version v) {
        if (d.rounds().isEmpty()) {
            return;
        }
        long conversationId = d.rounds().getLast().conversationId();
        for (SharedDocument.Section s : v.snapshot().sections()) {
            request(conversationId, DocumentViews.sectionKey(s.id()), s.titles());
            for (SharedDocument.Clause c : s.clauses()) {
                request(conversationId, DocumentViews.clauseKey(c.id()), c.texts());
            }
        }
    }

    private void request(long conversationId, String key, Map<String, String> texts) {
        DocumentViews.source(texts).ifPresent(from -> {
            List<Language> missing = Arrays.stream(Language.values())
                    .filter(l -> !texts.containsKey(l.code()))
                    .toList();
            if (!missing.isEmpty()) {
                machine.requestTexts(
                        conversationId, from, Map.of(key, texts.get(from.code())), missing, clock.instant());
            }
        });
    }

    /**
     * The one rule of publication: a version is published only with the approval of at least one
     * editor of Japan's country cohort and one of Korea's; otherwise 409 naming the cohorts missing.
     */
    static void requireApprovals(SharedDocument.Version v) {
        List<String> missing = missingApprovals(v);
        if (!missing.isEmpty()) {
            throw new Conflict(
                    "document-approvals-missing",
                    "problem.document-approvals-missing",
                    v.number(),
                    String.join(", ", missing));
        }
    }

    /** The cohorts of {@link #APPROVING} with no editor's approval of the version yet (the pages name them). */
    static List<String> missingApprovals(SharedDocument.Version v) {
        Set<String> approved = new HashSet<>();
        v.approvals().forEach(a -> approved.add(a.country()));
        return APPROVING.stream().filter(c -> !approved.contains(c)).toList();
    }

    /** Whether a language model drafts sections on this server ({@code serve --llm}). */
    boolean drafts() {
        return model.on();
    }

    /**
     * A machine draft of the section from the statements of the latest round that are common ground
     * (agreed by a majority of every cohort and every group), stored as an unapproved clause: 409 when
     * drafting is off or no statement is common ground yet.
     */
    DraftAnswer draft(
            Account by,
            Dialogue d,
            long sectionId,
            DraftRequest in,
            Language fallback,
            java.util.function.LongPredicate readable) {
        if (!model.on()) {
            throw new Conflict("drafting-unavailable", "problem.drafting-unavailable");
        }
        Language lang = in == null || in.lang() == null
                ? fallback
                : Language.parse(in.lang())
                        .filter(l -> l.code().equals(in.lang()))
                        .orElseThrow(() -> Invalid.field("lang", "document.lang.unknown"));
        SharedDocument.Section section = store.sections(d.id()).stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> NotFound.of("section", sectionId));
        var round = support.latest(d, readable)
                .orElseThrow(
                        () -> new Unavailable(5, "drafting-analysis-pending", "problem.drafting-analysis-pending"));
        List<DraftingModel.Source> sources = new ArrayList<>();
        for (long s : round.result.commonGround()) {
            shown.one(s, lang).ifPresent(t -> sources.add(new DraftingModel.Source(s, t.text())));
        }
        if (sources.isEmpty()) {
            throw new Conflict("drafting-no-common-ground", "problem.drafting-no-common-ground");
        }
        String topic = section.titles()
                .getOrDefault(lang.code(), section.titles().values().iterator().next());
        DraftingModel.Draft draft = model.draft(topic, lang, sources);
        if (draft.text().isBlank()) {
            throw new Conflict("drafting-uncited", "problem.drafting-uncited");
        }
        long id = store.addClause(
                sectionId,
                Map.of(lang.code(), draft.text()),
                draft.cites(),
                false,
                "machine",
                draft.flagged(),
                by.id());
        return new DraftAnswer(
                clause(d.id(), id),
                draft.dropped(),
                sources.stream().map(DraftingModel.Source::id).toList());
    }

    private record CleanClause(Map<String, String> texts, List<Long> cites) {}

    private CleanClause clause(Dialogue d, ClauseInput in) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> texts = texts(in == null ? null : in.texts(), "texts", CLAUSE_MAX, true, errors);
        List<Long> cites = in == null || in.cites() == null ? List.of() : in.cites();
        if (cites.size() > CITES_MAX) {
            errors.add(new FieldError("cites", "document.cites.many", CITES_MAX));
        } else {
            Set<Long> rounds = new HashSet<>();
            d.rounds().forEach(r -> rounds.add(r.conversationId()));
            Set<Long> known = new HashSet<>();
            statements.withIds(cites).stream()
                    .filter(s -> rounds.contains(s.conversationId()))
                    .forEach(s -> known.add(s.id()));
            TreeSet<Long> unknown = new TreeSet<>();
            cites.stream().filter(c -> c == null || !known.contains(c)).forEach(c -> unknown.add(c == null ? 0 : c));
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("cites", "document.cites.unknown", unknown.first()));
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return new CleanClause(texts, cites.stream().distinct().toList());
    }

    private static Map<String, String> texts(Map<String, String> raw, String field, int max, boolean multiLine) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> out = texts(raw, field, max, multiLine, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return out;
    }

    /** Texts keyed by ja / ko / en, at least one, each 1 … max code points. */
    private static Map<String, String> texts(
            Map<String, String> raw, String field, int max, boolean multiLine, List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldError(field, "document.texts.missing"));
            return out;
        }
        for (var e : raw.entrySet()) {
            boolean known = Language.parse(e.getKey())
                    .filter(l -> l.code().equals(e.getKey()))
                    .isPresent();
            if (!known) {
                errors.add(new FieldError(field + "." + e.getKey(), "document.lang.unknown"));
                continue;
            }
            String text = InputText.clean(e.getValue(), field + "." + e.getKey(), 1, max, multiLine, errors);
            if (text != null) {
                out.put(e.getKey(), text);
            }
        }
        return out;
    }

    private SharedDocument.Section section(long dialogueId, long sectionId) {
        return store.sections(dialogueId).stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> NotFound.of("section", sectionId));
    }

    private SharedDocument.Clause clause(long dialogueId, long clauseId) {
        return store.sections(dialogueId).stream()
                .flatMap(s -> s.clauses().stream())
                .filter(c -> c.id() == clauseId)
                .findFirst()
                .orElseThrow(() -> NotFound.of("clause", clauseId));
    }
}
