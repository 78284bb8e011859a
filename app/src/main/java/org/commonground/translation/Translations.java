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

    /** A stored translation. {@code state}: proposed, approved or superseded. */
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
            Instant approvedAt) {}

    /**
     * A statement without an approved human translation into the asked language; {@code machineText}
     * is the approved machine translation if there is one, as a starting point.
     */
    record Missing(long statementId, String text, String lang, String machineText) {}

    /** Accepted statements of the conversation lacking an approved human translation into {@code rawInto}. */
    List<Missing> missing(long conversationId, String rawInto);

    /** Every translation of one statement of the conversation, newest first. */
    List<TranslationView> of(long conversationId, long statementId);

    /** Stores a human translation by {@code translatorId}, proposed for approval; {@code kind: machine} is refused (403). */
    TranslationView submit(long conversationId, long statementId, long translatorId, SubmitTranslation request);

    /** Approves a proposed translation; never by its own author. It replaces the approved one of its kind. */
    /**
     * Approves a proposed translation; {@code approverLanguages} are those the approver works in
     * (a translator approves only into their own languages, 403 otherwise).
     */
    TranslationView approve(long conversationId, long translationId, long approverId, List<Language> approverLanguages);

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
