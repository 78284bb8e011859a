package org.commonground.translation;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.SeedTranslations;
import org.commonground.problem.Conflict;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.StatementEvents;
import org.commonground.statement.StatementText;
import org.commonground.statement.Statements;
import org.commonground.statement.Statements.StoredStatement;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Translations of statements. A human translation starts as {@code proposed} and is approved by a
 * second person (a translator who did not write it, or a moderator); a machine translation comes
 * only from the server's own machine translation queue, is usable at once and always labelled as
 * machine with the service that made it. People cannot submit one: a text called "machine" by
 * whoever typed it would carry a label readers trust for the wrong reason.
 * Participants read the approved human translation first, then the machine one.
 */
final class TranslationStore implements ShownStatements, Translations, SeedTranslations {

    private final Jdbi jdbi;
    private final StatementEvents events;

    public TranslationStore(Jdbi jdbi, StatementEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    private static final String QUALIFIED_COLUMNS = "t.id, t.statement_id, t.lang, t.text, t.kind, t.state, "
            + "t.translator_id, t.approved_by, t.created_at, t.approved_at, t.reviewed_by, t.rejected_reason, t.proposed_text";
    private static final String COLUMNS = QUALIFIED_COLUMNS.replace("t.", "");

    private static final RowMapper<TranslationView> VIEW = (rs, ctx) -> new TranslationView(
            rs.getLong("id"),
            rs.getLong("statement_id"),
            rs.getString("lang"),
            rs.getString("text"),
            rs.getString("kind"),
            rs.getString("state"),
            rs.getObject("translator_id", Long.class),
            rs.getObject("approved_by", Long.class),
            instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("approved_at", OffsetDateTime.class)),
            rs.getObject("reviewed_by", Long.class),
            rs.getString("rejected_reason"),
            rs.getString("proposed_text"));

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public List<Missing> missing(long conversationId, String rawInto) {
        String lang = language(rawInto, "into");
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ConversationRules.load(h, conversationId);
            List<StoredStatement> originals = Statements.inConversation(h, conversationId, true).stream()
                    .filter(o -> !o.lang().code().equals(lang))
                    .toList();
            Map<Long, String> machine = new HashMap<>();
            Set<Long> human = new HashSet<>();
            h.createQuery("""
                            SELECT statement_id, kind, text FROM translation
                            WHERE statement_id = ANY(:ids) AND lang = :lang
                              AND (kind = 'machine' AND state = 'approved'
                                   OR kind = 'human' AND state IN ('approved', 'proposed'))
                            ORDER BY id DESC""")
                    .bind("ids", ids(originals))
                    .bind("lang", lang)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(row -> {
                        long id = Long.parseLong(row[0]);
                        if (row[1].equals("human")) {
                            human.add(id);
                        } else {
                            machine.putIfAbsent(id, row[2]); // newest first
                        }
                    });
            return originals.stream()
                    .filter(o -> !human.contains(o.id()))
                    .map(o -> new Missing(o.id(), o.text(), o.lang().code(), machine.get(o.id())))
                    .toList();
        });
    }

    @Override
    public Missing draft(long conversationId, long statementId, Language into) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ConversationRules.load(h, conversationId);
            StoredStatement o = Statements.find(h, conversationId, statementId)
                    .filter(f -> !f.moderationState().equals("rejected"))
                    .orElseThrow(() -> NotFound.of("statement", statementId));
            String machine = h.createQuery("""
                            SELECT text FROM translation WHERE statement_id = :s AND lang = :lang
                              AND kind = 'machine' AND state = 'approved' ORDER BY id DESC LIMIT 1""")
                    .bind("s", statementId)
                    .bind("lang", into.code())
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
            return new Missing(o.id(), o.text(), o.lang().code(), machine);
        });
    }

    private static Long[] ids(List<StoredStatement> statements) {
        return statements.stream().map(StoredStatement::id).toArray(Long[]::new);
    }

    @Override
    public List<TranslationView> of(long conversationId, long statementId) {
        return jdbi.withHandle(h -> {
            ConversationRules.load(h, conversationId);
            statement(h, conversationId, statementId);
            return h.createQuery("SELECT " + COLUMNS + " FROM translation WHERE statement_id = :s ORDER BY id DESC")
                    .bind("s", statementId)
                    .map(VIEW)
                    .list();
        });
    }

    @Override
    public TranslationView submit(long conversationId, long statementId, long translatorId, SubmitTranslation request) {
        String lang = language(request.lang(), "lang");
        String kind = request.kind() == null ? "human" : request.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("human") && !kind.equals("machine")) {
            throw Invalid.field("kind", "translation.kind.invalid");
        }
        if (kind.equals("machine")) {
            throw new Forbidden("machine-translation-by-server-only", "problem.machine-translation-by-server-only");
        }
        String text = text(request.text());
        requireScriptOf(text, lang);
        TranslationView submitted = jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            OriginalRow s = statement(h, conversationId, statementId);
            if (s.lang().equals(lang)) {
                throw Invalid.field("lang", "translation.lang.same", lang);
            }
            if (s.state().equals("rejected")) {
                throw new Conflict("statement-rejected", "problem.statement-rejected", statementId);
            }
            return h.createQuery("INSERT INTO translation (statement_id, lang, text, kind, state, translator_id) "
                            + "VALUES (:s, :lang, :text, 'human', 'proposed', :translator) RETURNING " + COLUMNS)
                    .bind("s", statementId)
                    .bind("lang", lang)
                    .bind("text", text)
                    .bind("translator", translatorId)
                    .map(VIEW)
                    .one();
        });
        events.changed(conversationId, statementId);
        return submitted;
    }

    @Override
    public TranslationView approve(
            long conversationId, long translationId, long approverId, List<Language> approverLanguages) {
        return approve(conversationId, translationId, approverId, approverLanguages, new Approval(null));
    }

    /**
     * Approves a proposed translation, never by its own author; it replaces the approved one of its
     * kind. {@code approverLanguages} are those the approver works in (a translator approves only
     * into their own languages, 403 otherwise). An {@code approval} with a text that differs is the
     * reviewer's edit: that text is approved, and the translator's is kept as {@code proposedText}.
     */
    @Override
    public TranslationView approve(
            long conversationId,
            long translationId,
            long approverId,
            List<Language> approverLanguages,
            Approval approval) {
        String edited = approval == null || approval.text() == null ? null : text(approval.text());
        TranslationView approved = jdbi.inTransaction(h -> {
            TranslationView t = proposedForReview(h, conversationId, translationId, approverId, approverLanguages);
            String finalText = edited == null ? t.text() : edited;
            if (edited != null) {
                requireScriptOf(edited, t.lang());
            }
            supersede(h, t.statementId(), t.lang(), t.kind());
            return h.createQuery("""
                            UPDATE translation SET state = 'approved', approved_by = :a, approved_at = now(),
                                   reviewed_by = :a, reviewed_at = now(), text = :text,
                                   proposed_text = CASE WHEN :text <> text THEN text END
                            WHERE id = :t RETURNING\s""" + COLUMNS)
                    .bind("a", approverId)
                    .bind("t", translationId)
                    .bind("text", finalText)
                    .map(VIEW)
                    .one();
        });
        events.changed(conversationId, approved.statementId());
        return approved;
    }

    @Override
    public Map<Long, Map<Language, String>> shown(Collection<Long> statementIds) {
        return shownTranslations(statementIds);
    }

    /** Kept on record as superseded (who wrote and approved them stays), no longer shown or approvable. */
    @Override
    public void outdated(long conversationId, long statementId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE translation SET state = 'superseded'
                        WHERE statement_id = :s AND state IN ('proposed', 'approved')""").bind("s", statementId).execute());
        events.changed(conversationId, statementId);
    }

    /**
     * Sends a proposed translation back to its translator with a reason (required, up to
     * {@value #MAX_REASON_LENGTH} characters), by whoever may approve it; the statement returns to
     * the "missing" list and the translator reads the reason on the desk.
     */
    @Override
    public TranslationView reject(
            long conversationId,
            long translationId,
            long reviewerId,
            List<Language> reviewerLanguages,
            Rejection rejection) {
        String reason = rejection == null || rejection.reason() == null
                ? ""
                : rejection.reason().strip();
        if (reason.isEmpty()) {
            throw Invalid.field("reason", "translate.reject.reason.required");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw Invalid.field("reason", "translate.reject.reason.too-long", MAX_REASON_LENGTH);
        }
        TranslationView rejected = jdbi.inTransaction(h -> {
            proposedForReview(h, conversationId, translationId, reviewerId, reviewerLanguages);
            return h.createQuery("""
                            UPDATE translation SET state = 'rejected', reviewed_by = :r, reviewed_at = now(),
                                   rejected_reason = :reason
                            WHERE id = :t RETURNING\s""" + COLUMNS)
                    .bind("r", reviewerId)
                    .bind("t", translationId)
                    .bind("reason", reason)
                    .map(VIEW)
                    .one();
        });
        events.changed(conversationId, rejected.statementId());
        return rejected;
    }

    /** The proposed translation, locked for review, after the reviewer's rights are checked. */
    private static TranslationView proposedForReview(
            Handle h, long conversationId, long translationId, long reviewerId, List<Language> reviewerLanguages) {
        ConversationRules.load(h, conversationId).requireNotArchived();
        // Locked so two reviewers cannot both decide and leave two approved translations.
        TranslationView t = h.createQuery("SELECT " + COLUMNS + " FROM translation WHERE id = :t FOR UPDATE")
                .bind("t", translationId)
                .map(VIEW)
                .findOne()
                .filter(found ->
                        Statements.find(h, conversationId, found.statementId()).isPresent())
                .orElseThrow(() -> NotFound.of("translation", translationId));
        if (!t.state().equals("proposed")) {
            throw new Conflict("translation-not-proposed", "problem.translation-not-proposed", translationId);
        }
        if (t.translatorId() != null && t.translatorId() == reviewerId) {
            throw new Forbidden("own-translation", "problem.own-translation");
        }
        if (Language.parse(t.lang()).filter(reviewerLanguages::contains).isEmpty()) {
            throw new Forbidden("language-not-yours", "translation.lang.not-yours", t.lang());
        }
        return t;
    }

    /** Refuses (422) a text whose letters contradict its declared language (Hangul declared Japanese). */
    private static void requireScriptOf(String text, String lang) {
        Language declared = Language.parse(lang).orElseThrow();
        if (StatementText.scriptContradicts(text, declared)) {
            throw Invalid.field("text", "translation.text.script." + declared.code());
        }
    }

    /**
     * A translator's translations into {@code into} sent back with a reason, newest first, while the
     * statement has no newer human translation into that language (then the matter is settled).
     */
    List<Returned> returned(long conversationId, Language into, long translatorId) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Map<Long, StoredStatement> originals = byId(Statements.inConversation(h, conversationId, false));
            return h.createQuery("""
                            SELECT t.id, t.statement_id, t.text, t.lang, t.rejected_reason FROM translation t
                            WHERE t.statement_id = ANY(:ids) AND t.lang = :lang AND t.state = 'rejected'
                              AND t.translator_id = :me
                              AND NOT EXISTS (SELECT 1 FROM translation n WHERE n.statement_id = t.statement_id
                                              AND n.lang = t.lang AND n.kind = 'human' AND n.id > t.id)
                            ORDER BY t.id DESC LIMIT 50""")
                    .bind("ids", originals.keySet().toArray(Long[]::new))
                    .bind("lang", into.code())
                    .bind("me", translatorId)
                    .map((rs, x) -> {
                        StoredStatement o = originals.get(rs.getLong("statement_id"));
                        return new Returned(
                                rs.getLong("id"),
                                o.id(),
                                o.text(),
                                o.lang().code(),
                                rs.getString("text"),
                                rs.getString("lang"),
                                rs.getString("rejected_reason"));
                    })
                    .list();
        });
    }

    private static Map<Long, StoredStatement> byId(List<StoredStatement> statements) {
        Map<Long, StoredStatement> out = new HashMap<>();
        statements.forEach(o -> out.put(o.id(), o));
        return out;
    }

    private static void supersede(Handle h, long statementId, String lang, String kind) {
        h.createUpdate("UPDATE translation SET state = 'superseded' "
                        + "WHERE statement_id = :s AND lang = :lang AND kind = :kind AND state = 'approved'")
                .bind("s", statementId)
                .bind("lang", lang)
                .bind("kind", kind)
                .execute();
    }

    private record OriginalRow(String lang, String state) {}

    private static OriginalRow statement(Handle h, long conversationId, long statementId) {
        return Statements.find(h, conversationId, statementId)
                .map(o -> new OriginalRow(o.lang().code(), o.moderationState()))
                .orElseThrow(() -> NotFound.of("statement", statementId));
    }

    private static String language(String raw, String field) {
        return Optional.ofNullable(raw)
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .flatMap(r -> Language.parse(r).map(Language::code).filter(r::equals))
                .orElseThrow(() -> Invalid.field(field, "translation.lang.invalid"));
    }

    private static String text(String raw) {
        if (raw == null) {
            throw Invalid.field("text", "translation.text.empty");
        }
        String text = StatementText.withoutBidiControls(Normalizer.normalize(raw, Normalizer.Form.NFC))
                .strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            throw Invalid.field("text", "translation.text.empty");
        }
        if (length > MAX_LENGTH) {
            throw Invalid.field("text", "translation.text.too-long", MAX_LENGTH, length);
        }
        return text;
    }

    /** The translations into {@code into} waiting for approval; {@code mine} marks those {@code me} proposed. */
    List<Proposed> proposed(long conversationId, Language into, long me) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Map<Long, StoredStatement> originals = byId(Statements.inConversation(h, conversationId, false));
            return h.createQuery("""
                            SELECT id, statement_id, text, lang, translator_id = :me AS mine FROM translation
                            WHERE statement_id = ANY(:ids) AND lang = :lang AND state = 'proposed'
                            ORDER BY id""")
                    .bind("ids", originals.keySet().toArray(Long[]::new))
                    .bind("lang", into.code())
                    .bind("me", me)
                    .map((rs, x) -> {
                        StoredStatement o = originals.get(rs.getLong("statement_id"));
                        return new Proposed(
                                rs.getLong("id"),
                                o.id(),
                                o.text(),
                                o.lang().code(),
                                rs.getString("text"),
                                rs.getString("lang"),
                                rs.getBoolean("mine"));
                    })
                    .list();
        });
    }

    @Override
    public Map<Long, Shown> all(long conversationId, Language reader) {
        return jdbi.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ,
                h -> shown(h, Statements.inConversation(h, conversationId, true), reader));
    }

    @Override
    public Optional<Shown> one(long statementId, Language reader) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            List<StoredStatement> accepted =
                    Statements.find(h, statementId)
                            .filter(o -> o.moderationState().equals("accepted"))
                            .stream()
                            .toList();
            return Optional.ofNullable(shown(h, accepted, reader).get(statementId));
        });
    }

    /**
     * The statements anyone may read, translated for the reader: accepted ones only (the caller
     * passes those), each with its approved translation into the reader's language, human before
     * machine, newest first. The one place that says so for every page, fragment, download and API
     * answer built from ShownStatements; a pending or rejected statement (and its translations) is
     * the moderators' alone. Read on the caller's repeatable-read transaction, so the text shown
     * and its original come from one snapshot.
     */
    private static Map<Long, Shown> shown(Handle h, List<StoredStatement> accepted, Language reader) {
        Map<Long, String[]> translated = new HashMap<>();
        h.createQuery("""
                        SELECT DISTINCT ON (statement_id) statement_id, text, kind, service FROM translation
                        WHERE statement_id = ANY(:ids) AND lang = :lang AND state = 'approved'
                        ORDER BY statement_id, kind = 'human' DESC, id DESC""")
                .bind("ids", ids(accepted))
                .bind("lang", reader.code())
                .map((rs, ctx) ->
                        Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}))
                .forEach(e -> translated.put(e.getKey(), e.getValue()));
        Map<Long, Shown> out = new HashMap<>();
        for (StoredStatement o : accepted) {
            String lang = o.lang().code();
            String[] t = o.lang() == reader ? null : translated.get(o.id());
            out.put(
                    o.id(),
                    t == null
                            ? new Shown(o.id(), o.text(), lang, o.text(), lang, "original", null)
                            : new Shown(o.id(), t[0], reader.code(), o.text(), lang, t[1], t[2]));
        }
        return out;
    }

    static void insertApproved(Handle h, List<ApprovedTranslation> translations) {
        var insert = h.prepareBatch("""
                INSERT INTO translation (statement_id, lang, text, kind, state, translator_id, approved_by, created_at, approved_at)
                VALUES (:statement, :lang, :text, 'human', 'approved', :translator, :approver, :at, :at)""");
        for (ApprovedTranslation t : translations) {
            insert.bind("statement", t.statementId())
                    .bind("lang", t.lang().code())
                    .bind("text", t.text())
                    .bind("translator", t.translatorId())
                    .bind("approver", t.approverId())
                    .bind("at", t.at())
                    .add();
        }
        if (!translations.isEmpty()) {
            insert.execute();
        }
    }

    @Override
    public void insertApproved(List<ApprovedTranslation> translations) {
        jdbi.useTransaction(h -> insertApproved(h, translations));
    }

    @Override
    public int copyApproved(Map<Long, Long> copies) {
        return copyApprovedTranslations(copies);
    }

    /**
     * Copies every approved translation (human and machine, with translator, approver and service)
     * of each statement onto its copy, keyed from → to: a statement carried into a dialogue's next
     * round keeps its translations. Superseded and proposed ones stay behind.
     */
    private int copyApprovedTranslations(Map<Long, Long> copies) {
        if (copies.isEmpty()) {
            return 0;
        }
        Long[] from = copies.keySet().toArray(Long[]::new);
        Long[] to = new Long[from.length];
        for (int i = 0; i < from.length; i++) {
            to[i] = copies.get(from[i]);
        }
        return jdbi.withHandle(
                h -> h.createUpdate("""
                        INSERT INTO translation (statement_id, lang, text, kind, state, translator_id, approved_by,
                                                 created_at, approved_at, service)
                        SELECT m.to_id, t.lang, t.text, t.kind, t.state, t.translator_id, t.approved_by,
                               t.created_at, t.approved_at, t.service
                        FROM translation t JOIN unnest(:from, :to) AS m(from_id, to_id) ON m.from_id = t.statement_id
                        WHERE t.state = 'approved'""").bind("from", from).bind("to", to).execute());
    }

    @Override
    public long newestId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM translation")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Set<Long> translatedBetween(long after, long upTo) {
        return jdbi.withHandle(h -> Set.copyOf(
                h.createQuery("SELECT DISTINCT statement_id FROM translation WHERE id > :after AND id <= :upTo")
                        .bind("after", after)
                        .bind("upTo", upTo)
                        .mapTo(Long.class)
                        .list()));
    }

    @Override
    public Map<Long, Map<Language, String>> shownTranslations(Collection<Long> statementIds) {
        Map<Long, Map<Language, String>> out = new HashMap<>();
        if (statementIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT DISTINCT ON (statement_id, lang) statement_id, lang, text FROM translation
                        WHERE statement_id = ANY(:ids) AND state = 'approved'
                        ORDER BY statement_id, lang, kind = 'human' DESC, id DESC""")
                .bind("ids", statementIds.toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Map.entry(rs.getString(2), rs.getString(3))))
                .forEach(row -> Language.parse(row.getValue().getKey())
                        .ifPresent(lang -> out.computeIfAbsent(row.getKey(), id -> new EnumMap<>(Language.class))
                                .put(lang, row.getValue().getValue()))));
        return out;
    }
}
