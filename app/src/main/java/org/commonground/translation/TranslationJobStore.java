package org.commonground.translation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.statement.StatementText;
import org.commonground.statement.Statements;
import org.commonground.statement.Statements.StoredStatement;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The machine translation queue in PostgreSQL, and where its results go. Jobs are derived from
 * the data (accepted statements, conversation texts, organizer-defined cohort values of the
 * conversations that turned machine translation on), so enqueuing twice is harmless and a job
 * missed while the server was down is found again by the next full sweep. Times come from the
 * injected clock (passed in as {@code now}), except the sweep's watermark, which is the database's
 * own time because it compares with rows the database stamped.
 */
final class TranslationJobStore {
    private final Jdbi jdbi;

    TranslationJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A leased job. {@code attempts} counts this one. */
    record Job(
            long id,
            long conversationId,
            String sourceKey,
            String sourceLang,
            String targetLang,
            String sourceText,
            int attempts) {}

    /** Where a job stands, for tests, the benchmark and operators. */
    record Counts(long queued, long done, long failed) {}

    boolean enabled(long conversationId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT enabled FROM machine_translation_setting WHERE conversation_id = :c")
                        .bind("c", conversationId)
                        .mapTo(Boolean.class)
                        .findOne()
                        .orElse(false));
    }

    /** Turning it on again also gives the jobs given up earlier (turned off, rejected) a fresh start. */
    void setEnabled(long conversationId, boolean enabled) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO machine_translation_setting (conversation_id, enabled) VALUES (:c, :e)
                    ON CONFLICT (conversation_id) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = now()""").bind("c", conversationId).bind("e", enabled).execute();
            if (enabled) {
                h.createUpdate("UPDATE translation_job SET state = 'queued', attempts = 0 "
                                + "WHERE conversation_id = :c AND state = 'failed'")
                        .bind("c", conversationId)
                        .execute();
            }
        });
    }

    /**
     * Enqueues what lacks a machine translation, in conversations that turned it on: statements
     * accepted or written since {@code since} (database time; null for all), and, when
     * {@code texts}, every conversation text and cohort value the product has no name for ({@code named} answers
     * whether a dimension's value has one). Answers the database time the sweep
     * started, for the next one.
     */
    OffsetDateTime sweep(OffsetDateTime since, boolean texts, Instant now, BiPredicate<String, String> named) {
        return jdbi.inTransaction(h -> {
            OffsetDateTime started =
                    h.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one();
            List<Long> enabled = h.createQuery(
                            "SELECT conversation_id FROM machine_translation_setting WHERE enabled ORDER BY 1")
                    .mapTo(Long.class)
                    .list();
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            for (long c : enabled) {
                enqueueStatements(h, c, Statements.acceptedSince(h, c, since), at);
            }
            if (!texts) {
                return started;
            }
            List<Job> wanted = new ArrayList<>();
            for (long c : enabled) {
                ConversationCatalog.read(h, c).ifPresent(conversation -> {
                    wanted.addAll(conversationTexts(conversation));
                    wanted.addAll(cohortValues(conversation, named));
                });
            }
            var insert = h.prepareBatch("""
                    INSERT INTO translation_job (conversation_id, source_key, source_lang, target_lang, source_text,
                                                 source_hash, not_before)
                    VALUES (:c, :key, :source, :target, :text, md5(:text), :now)
                    ON CONFLICT DO NOTHING""");
            for (Job j : wanted) {
                for (Language target : Language.values()) {
                    boolean into = j.targetLang() == null
                            ? !target.code().equals(j.sourceLang())
                            : target.code().equals(j.targetLang());
                    if (into) {
                        insert.bind("c", j.conversationId())
                                .bind("key", j.sourceKey())
                                .bind("source", j.sourceLang())
                                .bind("target", target.code())
                                .bind("text", j.sourceText())
                                .bind("now", now.atOffset(ZoneOffset.UTC))
                                .add();
                    }
                }
            }
            if (insert.size() > 0) {
                insert.execute();
            }
            return started;
        });
    }

    /** Queues {@code sources} (key → text) from {@code from} into each of {@code into} but {@code from}. */
    void enqueueTexts(
            long conversationId,
            Language from,
            Map<String, String> sources,
            java.util.Collection<Language> into,
            Instant now) {
        jdbi.useHandle(h -> {
            var insert = h.prepareBatch("""
                    INSERT INTO translation_job (conversation_id, source_key, source_lang, target_lang, source_text,
                                                 source_hash, not_before)
                    VALUES (:c, :key, :source, :target, :text, md5(:text), :now)
                    ON CONFLICT DO NOTHING""");
            sources.forEach((key, text) -> {
                for (Language target : into) {
                    if (target != from && text != null && !text.isBlank()) {
                        insert.bind("c", conversationId)
                                .bind("key", key)
                                .bind("source", from.code())
                                .bind("target", target.code())
                                .bind("text", text)
                                .bind("now", now.atOffset(ZoneOffset.UTC))
                                .add();
                    }
                }
            });
            if (insert.size() > 0) {
                insert.execute();
            }
        });
    }

    /**
     * Queues each accepted statement (up to 1,000 characters) into each language it has no approved
     * translation in; the statements come from their owner, the statement feature.
     */
    private static void enqueueStatements(
            Handle h, long conversationId, List<StoredStatement> statements, OffsetDateTime at) {
        List<StoredStatement> short_ = statements.stream()
                .filter(st -> st.text().codePointCount(0, st.text().length()) <= 1000)
                .toList();
        if (short_.isEmpty()) {
            return;
        }
        h.createUpdate("""
                INSERT INTO translation_job (conversation_id, source_key, source_lang, target_lang, source_text,
                                             source_hash, not_before)
                SELECT :c, 'statement:' || x.id, x.lang, l.lang, x.text, md5(x.text), :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:langs AS text[]), CAST(:texts AS text[])) AS x (id, lang, text)
                CROSS JOIN (VALUES ('ja'), ('ko'), ('en')) AS l (lang)
                WHERE x.lang <> l.lang
                  AND NOT EXISTS (SELECT 1 FROM translation t
                                  WHERE t.statement_id = x.id AND t.lang = l.lang AND t.state = 'approved')
                ON CONFLICT DO NOTHING""")
                .bind("c", conversationId)
                .bind("ids", short_.stream().map(StoredStatement::id).toArray(Long[]::new))
                .bind("langs", short_.stream().map(st -> st.lang().code()).toArray(String[]::new))
                .bind("texts", short_.stream().map(StoredStatement::text).toArray(String[]::new))
                .bind("now", at)
                .execute();
    }

    /**
     * Each text field from the conversation's first written language (ja, ko, en in that order), into
     * each language it has no text in.
     */
    private static List<Job> conversationTexts(Conversation c) {
        List<Job> out = new ArrayList<>();
        Language source = Arrays.stream(Language.values())
                .filter(c.texts()::containsKey)
                .findFirst()
                .orElse(null);
        if (source == null) {
            return out;
        }
        Conversation.Text text = c.texts().get(source);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", text.title());
        fields.put("description", text.description());
        fields.put("background", text.background());
        for (Language target : Language.values()) {
            if (c.texts().containsKey(target)) {
                continue;
            }
            fields.forEach((field, value) -> {
                if (value != null && !value.isEmpty()) {
                    out.add(new Job(0, c.id(), "conversation:" + field, source.code(), target.code(), value, 0));
                }
            });
        }
        return out;
    }

    /** Cohort values the product has no translation of, in the language their script shows. */
    private static List<Job> cohortValues(Conversation c, BiPredicate<String, String> named) {
        List<Job> out = new ArrayList<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            for (String value : d.values()) {
                if (!named.test(d.name(), value)) {
                    String lang = StatementText.detectLanguage(value).code();
                    out.add(new Job(0, c.id(), "cohort:" + d.name() + ":" + value, lang, null, value, 0));
                }
            }
        }
        return out;
    }

    /**
     * Leases up to {@code max} ready jobs of one conversation and language pair (one request to
     * the service), skipping jobs other workers hold.
     */
    List<Job> lease(Instant now, Instant leaseEnd, int max) {
        return jdbi.inTransaction(h -> h.createQuery("""
                WITH first AS (
                    SELECT conversation_id, source_lang, target_lang FROM translation_job
                    WHERE state = 'queued' AND not_before <= :now AND (leased_until IS NULL OR leased_until < :now)
                    ORDER BY not_before, id LIMIT 1
                    FOR UPDATE SKIP LOCKED),
                batch AS (
                    SELECT j.id FROM translation_job j JOIN first f USING (conversation_id, source_lang, target_lang)
                    WHERE j.state = 'queued' AND j.not_before <= :now AND (j.leased_until IS NULL OR j.leased_until < :now)
                    ORDER BY j.id LIMIT :max
                    FOR UPDATE OF j SKIP LOCKED)
                UPDATE translation_job j SET leased_until = :leaseEnd, attempts = j.attempts + 1
                FROM batch WHERE j.id = batch.id
                RETURNING j.id, j.conversation_id, j.source_key, j.source_lang, j.target_lang, j.source_text, j.attempts""")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("leaseEnd", leaseEnd.atOffset(ZoneOffset.UTC))
                .bind("max", max)
                .map((rs, ctx) -> new Job(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list());
    }

    /**
     * Counts {@code characters} against the conversation's budget for the month of {@code now};
     * false (and nothing counted) when they would exceed {@code budget}.
     */
    boolean charge(long conversationId, Instant now, long characters, long budget) {
        if (characters > budget) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO translation_usage (conversation_id, month, characters) VALUES (:c, :month, :n)
                ON CONFLICT (conversation_id, month) DO UPDATE
                    SET characters = translation_usage.characters + EXCLUDED.characters
                    WHERE translation_usage.characters + EXCLUDED.characters <= :budget
                RETURNING characters""")
                .bind("c", conversationId)
                .bind("month", month(now))
                .bind("n", characters)
                .bind("budget", budget)
                .mapTo(Long.class)
                .findOne()
                .isPresent());
    }

    /** Gives back characters charged for a request the service did not carry out. */
    void refund(long conversationId, Instant now, long characters) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE translation_usage SET characters = greatest(0, characters - :n)
                WHERE conversation_id = :c AND month = :month""")
                .bind("c", conversationId)
                .bind("month", month(now))
                .bind("n", characters)
                .execute());
    }

    long used(long conversationId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT characters FROM translation_usage WHERE conversation_id = :c AND month = :month")
                .bind("c", conversationId)
                .bind("month", month(now))
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    static LocalDate month(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    /** Stores the translations of leased jobs and marks them done, in one transaction. */
    void complete(List<Job> jobs, List<String> translations, String service, Instant now) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < jobs.size(); i++) {
                store(h, jobs.get(i), translations.get(i), service, now);
            }
            h.createUpdate("UPDATE translation_job SET state = 'done', done_at = :now, leased_until = NULL, "
                            + "last_error = NULL WHERE id = ANY (:ids)")
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .bind("ids", jobs.stream().mapToLong(Job::id).toArray())
                    .execute();
        });
    }

    private static void store(Handle h, Job job, String text, String service, Instant now) {
        if (job.sourceKey().startsWith("statement:")) {
            long statementId = Long.parseLong(job.sourceKey().substring("statement:".length()));
            // Without bidi controls, as every statement and translation text (StatementText).
            String clean = StatementText.withoutBidiControls(text);
            String shown = clean.length() > TranslationStore.MAX_LENGTH
                    ? clean.substring(0, TranslationStore.MAX_LENGTH)
                    : clean;
            // A statement rejected since it was queued is not translated.
            boolean accepted = Statements.find(h, statementId)
                    .map(st -> st.moderationState().equals("accepted"))
                    .orElse(false);
            if (!accepted) {
                return;
            }
            h.createUpdate("UPDATE translation SET state = 'superseded' WHERE statement_id = :s AND lang = :lang "
                            + "AND kind = 'machine' AND state = 'approved'")
                    .bind("s", statementId)
                    .bind("lang", job.targetLang())
                    .execute();
            h.createUpdate("""
                    INSERT INTO translation (statement_id, lang, text, kind, state, service, created_at, approved_at)
                    VALUES (:s, :lang, :text, 'machine', 'approved', :service, :now, :now)""")
                    .bind("s", statementId)
                    .bind("lang", job.targetLang())
                    .bind("text", shown)
                    .bind("service", service)
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .execute();
            return;
        }
        h.createUpdate("""
                INSERT INTO machine_text (conversation_id, source_key, lang, source_hash, text, service, translated_at)
                VALUES (:c, :key, :lang, md5(:source), :text, :service, :now)
                ON CONFLICT (conversation_id, source_key, lang) DO UPDATE
                    SET source_hash = EXCLUDED.source_hash, text = EXCLUDED.text, service = EXCLUDED.service,
                        translated_at = EXCLUDED.translated_at""")
                .bind("c", job.conversationId())
                .bind("key", job.sourceKey())
                .bind("lang", job.targetLang())
                .bind("source", job.sourceText())
                .bind("text", text)
                .bind("service", service)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /**
     * Puts leased jobs back: to be tried again at {@code retryAt}, or given up ({@code retryAt}
     * null). {@code countAttempt} false when the service was never asked (the budget), so that
     * waiting for next month does not use up the job's attempts.
     */
    void release(List<Job> jobs, Instant retryAt, String error, boolean countAttempt) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE translation_job
                SET leased_until = NULL, last_error = :error,
                    attempts = CASE WHEN :count THEN attempts ELSE attempts - 1 END,
                    state = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN 'failed' ELSE 'queued' END,
                    not_before = coalesce(CAST(:retryAt AS timestamptz), not_before)
                WHERE id = ANY (:ids)""")
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .bind("count", countAttempt)
                .bind("retryAt", retryAt == null ? null : retryAt.atOffset(ZoneOffset.UTC))
                .bind("ids", jobs.stream().mapToLong(Job::id).toArray())
                .execute());
    }

    /** The earliest time a queued job becomes ready, if any is queued. */
    Optional<Instant> nextReady() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT not_before FROM translation_job WHERE state = 'queued' ORDER BY not_before LIMIT 1")
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
    }

    Counts counts(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'done'),
                       count(*) FILTER (WHERE state = 'failed')
                FROM translation_job WHERE conversation_id = :c""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
    }
}
