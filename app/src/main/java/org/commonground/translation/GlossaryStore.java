package org.commonground.translation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.jdbi.v3.core.Jdbi;

/** A conversation's glossary of contested names, replaced as a whole by its organizers. */
final class GlossaryStore {
    static final int MAX_TERMS = 200;
    static final int TERM_MAX = 100;
    static final int NOTE_MAX = 500;

    private final Jdbi jdbi;

    GlossaryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Glossary of(long conversationId) {
        return new Glossary(jdbi.withHandle(h -> h.createQuery(
                        "SELECT ja, ko, en, note FROM glossary_term WHERE conversation_id = :c ORDER BY position")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Glossary.Term(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()));
    }

    /** Validates every term (field errors name {@code terms.N.lang}) and replaces the glossary. */
    Glossary replace(long conversationId, List<Glossary.Term> raw) {
        List<FieldError> errors = new ArrayList<>();
        List<Glossary.Term> terms = new ArrayList<>();
        if (raw == null) {
            raw = List.of();
        }
        if (raw.size() > MAX_TERMS) {
            throw Invalid.field("terms", "glossary.too-many", MAX_TERMS);
        }
        for (int i = 0; i < raw.size(); i++) {
            Glossary.Term t = raw.get(i);
            if (t == null) {
                errors.add(new FieldError("terms." + i, "glossary.term.languages"));
                continue;
            }
            String ja = form(t.ja(), "terms." + i + ".ja", errors);
            String ko = form(t.ko(), "terms." + i + ".ko", errors);
            String en = form(t.en(), "terms." + i + ".en", errors);
            String note =
                    t.note() == null || t.note().isBlank() ? null : t.note().strip();
            if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
                errors.add(new FieldError("terms." + i + ".note", "glossary.note.too-long", NOTE_MAX));
            }
            int languages = (ja == null ? 0 : 1) + (ko == null ? 0 : 1) + (en == null ? 0 : 1);
            if (languages < 2) {
                errors.add(new FieldError("terms." + i, "glossary.term.languages"));
            }
            terms.add(new Glossary.Term(ja, ko, en, note));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM glossary_term WHERE conversation_id = :c")
                    .bind("c", conversationId)
                    .execute();
            var insert = h.prepareBatch("INSERT INTO glossary_term (conversation_id, position, ja, ko, en, note) "
                    + "VALUES (:c, :p, :ja, :ko, :en, :note)");
            for (int i = 0; i < terms.size(); i++) {
                Glossary.Term t = terms.get(i);
                insert.bind("c", conversationId)
                        .bind("p", i)
                        .bind("ja", t.ja())
                        .bind("ko", t.ko())
                        .bind("en", t.en())
                        .bind("note", t.note())
                        .add();
            }
            if (!terms.isEmpty()) {
                insert.execute();
            }
        });
        return new Glossary(List.copyOf(terms));
    }

    private static String form(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (s.codePointCount(0, s.length()) > TERM_MAX || s.contains("\t") || s.contains("\n")) {
            errors.add(new FieldError(field, "glossary.term.too-long", TERM_MAX));
            return null;
        }
        return s;
    }
}
