package org.commonground.dialogue;

import java.util.List;
import org.commonground.account.AccountFeature;
import org.commonground.conversation.ConversationFeature;
import org.commonground.conversation.FrontPageEntry;
import org.commonground.conversation.RoundOf;
import org.commonground.participation.ParticipationFeature;
import org.commonground.results.ResultsFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.commonground.web.Pages;
import org.commonground.web.Throttles;
import org.jdbi.v3.core.Jdbi;

/**
 * Dialogues over months (issue 11), the feature's one public entry: a named series of rounds, each a
 * conversation, with a schedule; statements carried from round to round with their translations;
 * returning participants who keep one pseudonym across rounds with their consent; and the analysis
 * across rounds (the engine's {@code CrossRoundAnalysis}) on the dialogue's page. Its stores, routes
 * and pages are package-private; the front page lists dialogues through the conversation feature.
 */
public final class DialogueFeature {
    static final int FRONT_PAGE = 10;

    private final DialogueStore dialogues;
    private final Organizing organizing;
    private final ReturningParticipants returning;
    private final DialogueViews views;
    private final DialogueAnalysis analysis;
    private final AccountFeature account;
    private final ConversationFeature conversation;
    private final TranslationFeature translation;
    private final Throttles throttles;
    private final boolean secureCookies;
    private final Turnout turnout;
    private final DocumentStore documents;
    private final DialogueEditors editors;
    private final CitationSupport support;
    private final DocumentEditing editing;
    private final DocumentViews documentViews;

    private DialogueFeature(
            Jdbi jdbi,
            Throttles throttles,
            boolean secureCookies,
            AccountFeature account,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            ParticipationFeature participation,
            ResultsFeature results,
            DraftingSettings drafting,
            MachineTranslations machine) {
        this.dialogues = new DialogueStore(jdbi);
        ReturningStore returningStore = new ReturningStore(jdbi);
        this.turnout = new Turnout(jdbi, returningStore);
        this.organizing = new Organizing(
                dialogues,
                conversation.conversations(),
                statement.seeding(),
                statement.statements(),
                translation.translations(),
                conversation.access(),
                account.authentication(),
                conversation.clock());
        this.returning = new ReturningParticipants(returningStore, conversation.conversations(), participation);
        this.views =
                new DialogueViews(conversation.conversations(), dialogues, statement.statements(), translation.shown());
        this.analysis = new DialogueAnalysis(
                new CrossRounds(jdbi, dialogues, returningStore, statement.statements(), results.results()),
                results.readers(),
                conversation.conversations(),
                views);
        this.account = account;
        this.conversation = conversation;
        this.translation = translation;
        this.throttles = throttles;
        this.secureCookies = secureCookies;
        this.documents = new DocumentStore(jdbi);
        this.editors = new DialogueEditors(documents, dialogues, account.accounts(), conversation.clock());
        this.support = new CitationSupport(jdbi, dialogues, results.results());
        this.editing = new DocumentEditing(
                documents,
                dialogues,
                editors,
                statement.statements(),
                translation.shown(),
                support,
                new DraftingModel(drafting),
                machine,
                conversation.access(),
                conversation.clock());
        this.documentViews = new DocumentViews(translation.shown(), machine);
    }

    /**
     * Wires the feature, with the language model that may draft sections of a dialogue's document
     * ({@code serve --llm}, {@link DraftingSettings#off()} for none) and the machine translation that
     * fills the document's missing languages ({@link MachineTranslations#NONE} for none).
     */
    public static DialogueFeature wire(
            Jdbi jdbi,
            Throttles throttles,
            boolean secureCookies,
            AccountFeature account,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            ParticipationFeature participation,
            ResultsFeature results,
            DraftingSettings drafting,
            MachineTranslations machine) {
        return new DialogueFeature(
                jdbi,
                throttles,
                secureCookies,
                account,
                conversation,
                statement,
                translation,
                participation,
                results,
                drafting,
                machine);
    }

    /** The editor role on dialogues: who writes and approves each dialogue's shared-understanding document. */
    public DialogueEditors editors() {
        return editors;
    }

    /** Registers the API under /api/v1/dialogues, the pages under /d and /organize/d, and the front page's list. */
    public void addTo(Api api, Pages pages, Messages messages) {
        new DialogueRoutes(
                        dialogues, organizing, returning, views, analysis, account.authentication(), pages, throttles)
                .addTo(api);
        new DialoguePages(
                        pages,
                        dialogues,
                        organizing,
                        returning,
                        views,
                        analysis,
                        conversation.conversations(),
                        translation.shown(),
                        conversation.access(),
                        account.authentication(),
                        throttles,
                        secureCookies,
                        turnout,
                        translation.seedTranslations())
                .addTo(api.routes());
        new DocumentRoutes(
                        dialogues,
                        organizing,
                        editing,
                        editors,
                        documents,
                        documentViews,
                        support,
                        analysis,
                        account.accounts(),
                        account.authentication(),
                        pages)
                .addTo(api);
        new DocumentPages(
                        pages,
                        dialogues,
                        organizing,
                        editing,
                        editors,
                        documentViews,
                        support,
                        analysis,
                        account.accounts(),
                        account.authentication())
                .addTo(api.routes());
        new DocumentEditorPages(
                        pages,
                        dialogues,
                        editing,
                        editors,
                        documents,
                        documentViews,
                        support,
                        analysis,
                        account.accounts())
                .addTo(api.routes());
        conversation.listOnFrontPage(reader -> frontPage(reader, messages));
        conversation.nameRoundsWith((conversationId, reader) -> dialogues
                .dialogueOf(conversationId)
                .flatMap(dialogues::find)
                .flatMap(d -> d.rounds().stream()
                        .filter(r -> r.conversationId() == conversationId)
                        .findFirst()
                        .map(r -> new RoundOf.Series(d.text(reader).title(), "/d/" + d.id(), r.number()))));
    }

    /**
     * Seeds the demo dialogue (three monthly rounds, returning participants whose votes move; see
     * {@link DialogueDemo}); returns its id.
     */
    public static long seedDemo(Jdbi jdbi, java.time.Clock clock, long organizerId, long translatorId) {
        return new DialogueDemo(jdbi, clock).seed(organizerId, translatorId);
    }

    /**
     * Seeds the demo dialogue's shared-understanding document: a Japanese and a Korean editor, v1 and a
     * revised v2, both editors' approval of v2, and v2 published (see {@link DocumentDemo}).
     */
    public static void seedDemoDocument(
            Jdbi jdbi, java.time.Clock clock, long dialogueId, long japaneseEditorId, long koreanEditorId) {
        new DocumentDemo(jdbi, clock).seed(dialogueId, japaneseEditorId, koreanEditorId);
    }

    /** The newest public dialogues for the front page, each with its rounds and the one open now. */
    private List<FrontPageEntry> frontPage(Language reader, Messages messages) {
        return dialogues.newest(FRONT_PAGE).stream()
                .peek(organizing::applySchedule)
                .filter(organizing::isPublic)
                .map(d -> views.of(d, reader))
                .map(v -> new FrontPageEntry(
                        v.url(),
                        v.title(),
                        v.description(),
                        v.current()
                                .map(r -> messages.get(
                                        reader,
                                        "dialogue.front.open",
                                        v.rounds().size(),
                                        r.number()))
                                .orElse(messages.get(
                                        reader,
                                        "dialogue.front.rounds",
                                        v.rounds().size()))))
                .toList();
    }

    /**
     * Organizer rights on the dialogue (its owner or an admin), else 401/403/404: who may invite
     * its team by e-mail (org.commonground.team).
     */
    public org.commonground.account.Account requireOrganizer(io.javalin.http.Context ctx, long dialogueId) {
        return organizing.requireOrganizer(ctx, dialogueId);
    }

    /** The dialogue's title in the reader's language (else English, else the first), or 404. */
    public String title(long dialogueId, Language reader) {
        return dialogues.get(dialogueId).text(reader).title();
    }

    /** The conversations of the dialogue's rounds, round 1 first, or 404: whom its reminders reach (org.commonground.reminder). */
    public List<Long> roundConversations(long dialogueId) {
        return dialogues.get(dialogueId).rounds().stream()
                .map(Dialogue.Round::conversationId)
                .toList();
    }

    /** Tells {@code listener} of every round an organizer opens at once; set once while wiring (the reminder mail). */
    public void whenRoundOpens(RoundOpened listener) {
        organizing.whenRoundOpens(listener);
    }

    /** Who hears that a document version was published (wired once, after the higher feature exists). */
    public void whenDocumentPublished(DocumentPublished listener) {
        editing.whenPublished(listener);
    }
}
