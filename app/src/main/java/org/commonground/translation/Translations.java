package org.commonground.translation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.statement.StatementEvents;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Human (and approved machine) translations of statements (the translation feature's {@code translation} table); {@link TranslationFeature#translations()} gives the server's.
 */
public interface Translations {
    static final int MAX_LENGTH = 2000;

    static Translations over(Jdbi jdbi, StatementEvents events) {
        return new TranslationStore(jdbi, events);
    }

    /** A translation as sent. {@code kind} is {@code human} (the default) or {@code machine}. */
    record SubmitTranslation(String lang, String text, String kind) {}

    /**
     * A stored translation. {@code state}: proposed, approved, superseded or rejected.
     *
     * @param reviewedBy     who approved or rejected it (null while proposed, and for machine ones)
     * @param rejectedReason why the reviewer sent it back (rejected ones only), shown to its translator
     * @param proposedText   what the translator proposed, when the reviewer edited it before approving
     */
    record TranslationView(
            long id,
            long statementId,
            String lang,
            String text,
            String kind,
            String state,
            Long translatorId,
            Long approvedBy,
            Instant createdAt,
            Instant approvedAt,
            Long reviewedBy,
            String rejectedReason,
            String proposedText) {}

    /** A review of a proposed translation: {@code text}, when given and different, is the reviewer's edit. */
    record Approval(String text) {}

    /** Sending a proposed translation back to its translator, with the reason they will read. */
    record Rejection(String reason) {}

    static final int MAX_REASON_LENGTH = 500;

    /**
     * A translator's translation sent back with a reason, while the statement has no newer human
     * translation into that language.
     */
    record Returned(
            long id, long statementId, String original, String originalLang, String text, String lang, String reason) {}

    /**
     * A statement without an approved human translation into the asked language; {@code machineText}
     * is the approved machine translation if there is one, as a starting point.
     */
    record Missing(long statementId, String text, String lang, String machineText) {}

    /**
     * Accepted statements of the conversation with no human translation into {@code rawInto},
     * approved or proposed: a proposed one leaves the list at once (it waits for review instead),
     * a rejected one brings the statement back.
     */
    List<Missing> missing(long conversationId, String rawInto);

    /**
     * One statement of the conversation as the desk opens it for translation into {@code into}:
     * its original and the latest machine translation as the draft (null without one). Any
     * moderation state but rejected; 404 for another conversation's statement.
     */
    Missing draft(long conversationId, long statementId, Language into);

    /** Every translation of one statement of the conversation, newest first. */
    List<TranslationView> of(long conversationId, long statementId);

    /** Stores a human translation by {@code translatorId}, proposed for approval; {@code kind: machine} is refused (403). */
    TranslationView submit(long conversationId, long statementId, long translatorId, SubmitTranslation request);

    /**
     * Approves a proposed translation, never by its own author; it replaces the approved one of its
     * kind. {@code approverLanguages} are those the approver works in (a translator approves only
     * into their own languages, 403 otherwise).
     */
    TranslationView approve(long conversationId, long translationId, long approverId, List<Language> approverLanguages);

    /**
     * As {@link #approve(long, long, long, List)}; an {@code approval} with a text that differs is
     * the reviewer's edit: that text is approved, the translator's kept as {@code proposedText}.
     * A text in the wrong script for the language is refused (422).
     */
    TranslationView approve(
            long conversationId,
            long translationId,
            long approverId,
            List<Language> approverLanguages,
            Approval approval);

    /**
     * Sends a proposed translation back to its translator with a reason (required, up to
     * {@value #MAX_REASON_LENGTH} characters), by whoever may approve it; the statement returns to
     * the "missing" list and the translator reads the reason on the desk.
     */
    TranslationView reject(
            long conversationId,
            long translationId,
            long reviewerId,
            List<Language> reviewerLanguages,
            Rejection rejection);

    /** A proposed translation next to its original, for approval. */
    record Proposed(
            long id, long statementId, String original, String originalLang, String text, String lang, boolean mine) {}

    /** A human translation approved when it was made, as an import brings it. */
    record ApprovedTranslation(
            long statementId, Language lang, String text, long translatorId, long approverId, Instant at) {}

    /** Writes approved human translations in the importing transaction (the demo seed). */
    static void insertApproved(Handle h, List<ApprovedTranslation> translations) {
        TranslationStore.insertApproved(h, translations);
    }

    /**
     * Copies every approved translation (human and machine, with translator, approver and service) of
     * each statement onto its copy, keyed from → to: a statement carried into a dialogue's next round
     * keeps its translations; proposed and superseded ones stay behind. Returns how many were copied.
     */
    int copyApproved(Map<Long, Long> copies);

    /** Writes approved human translations in a transaction of their own (the demo dialogue's statements). */
    void insertApproved(List<ApprovedTranslation> translations);

    /** The newest translation's id, 0 when there is none: what has been written up to now. */
    long newestId();

    /** The statements that got a translation with an id in (after, upTo]. */
    Set<Long> translatedBetween(long after, long upTo);

    /**
     * Per statement, the approved translation each language's readers see (human first, then
     * machine, the newest of a kind: the rule of {@link ShownStatements}), by statement id; a
     * statement without one is absent. May include a translation into the statement's own language.
     */
    Map<Long, Map<Language, String>> shownTranslations(Collection<Long> statementIds);
}
