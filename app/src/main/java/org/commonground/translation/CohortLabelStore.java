package org.commonground.translation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationRules;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;

/**
 * Labels people give an organizer's own cohort values in each language ({@code cohort_label}),
 * and, for reading, the machine translations of the same values ({@code machine_text}, keys
 * {@code cohort:<dimension>:<value>}): a person's label first, then the machine's.
 */
final class CohortLabelStore {
    static final int MAX_LENGTH = 64;

    private final Jdbi jdbi;

    CohortLabelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One label; an empty or null {@code label} removes the one given before. An empty {@code value}
     * labels the dimension itself (its name as readers of {@code lang} call it, "sector" → 業界).
     */
    public record CohortLabel(String dimension, String value, String lang, String label) {}

    /** A label as stored, with who gave it ({@code service} instead for a machine translation). */
    public record GivenLabel(
            String dimension, String value, String lang, String label, Long givenBy, String service, Instant givenAt) {}

    public record CohortLabels(List<CohortLabel> labels) {}

    /** Label by {@code dimension:value} in {@code lang}: people's first, then machine translations of the value as it is. */
    Map<String, String> of(long conversationId, Language lang) {
        Map<String, String> out = new HashMap<>();
        for (GivenLabel g : all(conversationId)) { // people's come first
            if (g.lang().equals(lang.code())) {
                out.putIfAbsent(key(g), g.label());
            }
        }
        return out;
    }

    /** {@code dimension:value} for a value, {@code dimension} for the dimension's own name. */
    private static String key(GivenLabel g) {
        return g.value().isEmpty() ? g.dimension() : g.dimension() + ":" + g.value();
    }

    /** Every label of the conversation: people's, then the machine's (only where the value is as it was translated). */
    List<GivenLabel> all(long conversationId) {
        return jdbi.withHandle(h -> {
            List<GivenLabel> out = new ArrayList<>(h.createQuery("""
                            SELECT dimension, value, lang, label, given_by, given_at FROM cohort_label
                            WHERE conversation_id = :c ORDER BY dimension, value, lang""")
                    .bind("c", conversationId)
                    .map((rs, ctx) -> new GivenLabel(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, Long.class),
                            null,
                            rs.getObject(6, OffsetDateTime.class).toInstant()))
                    .list());
            h.createQuery("""
                            SELECT source_key, lang, source_hash, text, service, translated_at FROM machine_text
                            WHERE conversation_id = :c AND source_key LIKE 'cohort:%'""")
                    .bind("c", conversationId)
                    .map((rs, ctx) -> {
                        String[] parts = rs.getString(1).split(":", 3);
                        if (parts.length < 3 || !MachineTextStore.md5(parts[2]).equals(rs.getString(3))) {
                            return null;
                        }
                        return new GivenLabel(
                                parts[1],
                                parts[2],
                                rs.getString(2),
                                rs.getString(4),
                                null,
                                rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant());
                    })
                    .forEach(g -> {
                        if (g != null) {
                            out.add(g);
                        }
                    });
            return out;
        });
    }

    /**
     * Gives or removes labels by {@code givenBy}, into {@code allowed} languages only (403 outside
     * them is the caller's check); each must name a value of one of the conversation's dimensions,
     * be at most {@value #MAX_LENGTH} characters and be written in its language's script (422).
     */
    void give(long conversationId, long givenBy, List<CohortLabel> labels) {
        if (labels == null || labels.isEmpty()) {
            throw Invalid.field("labels", "cohort-label.none");
        }
        jdbi.useTransaction(h -> {
            ConversationRules.load(h, conversationId).requireNotArchived();
            Map<String, Set<String>> values = new HashMap<>();
            for (Conversation.CohortDimension d : ConversationRules.cohorts(h, conversationId)) {
                values.put(d.name(), Set.copyOf(d.values()));
            }
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                CohortLabel l = labels.get(i);
                String field = "labels[" + i + "]";
                if (l == null || l.dimension() == null || !values.containsKey(l.dimension())) {
                    errors.add(new FieldError(field + ".dimension", "cohort-label.dimension.unknown"));
                    continue;
                }
                if (l.value() == null
                        || !(l.value().isEmpty() || values.get(l.dimension()).contains(l.value()))) {
                    errors.add(new FieldError(field + ".value", "cohort-label.value.unknown", l.dimension()));
                    continue;
                }
                Language lang = Language.parse(l.lang())
                        .filter(x -> x.code().equals(l.lang()))
                        .orElse(null);
                if (lang == null) {
                    errors.add(new FieldError(field + ".lang", "translation.lang.invalid"));
                    continue;
                }
                String label = l.label() == null ? "" : l.label().strip();
                if (label.codePointCount(0, label.length()) > MAX_LENGTH) {
                    errors.add(new FieldError(field + ".label", "cohort-label.too-long", MAX_LENGTH));
                } else if (!label.isEmpty() && StatementText.scriptContradicts(label, lang)) {
                    errors.add(new FieldError(field + ".label", "translation.text.script." + lang.code()));
                }
            }
            if (!errors.isEmpty()) {
                throw Invalid.fields(errors);
            }
            for (CohortLabel l : labels) {
                String label = l.label() == null ? "" : l.label().strip();
                if (label.isEmpty()) {
                    h.createUpdate("""
                            DELETE FROM cohort_label
                            WHERE conversation_id = :c AND dimension = :d AND value = :v AND lang = :l""")
                            .bind("c", conversationId)
                            .bind("d", l.dimension())
                            .bind("v", l.value())
                            .bind("l", l.lang())
                            .execute();
                } else {
                    h.createUpdate("""
                            INSERT INTO cohort_label (conversation_id, dimension, value, lang, label, given_by, given_at)
                            VALUES (:c, :d, :v, :l, :label, :by, now())
                            ON CONFLICT (conversation_id, dimension, value, lang)
                            DO UPDATE SET label = EXCLUDED.label, given_by = EXCLUDED.given_by, given_at = now()""")
                            .bind("c", conversationId)
                            .bind("d", l.dimension())
                            .bind("v", l.value())
                            .bind("l", l.lang())
                            .bind("label", label)
                            .bind("by", givenBy)
                            .execute();
                }
            }
        });
    }
}
