package org.commonground.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonground.web.Language;

/**
 * A conversation's agreed renderings of contested names: each term is the same thing named in
 * ja / ko / en (竹島 / 독도 / "Dokdo/Takeshima"), and a translation from one language into another
 * must render the source form as the target form. A term may lack a language; it then applies
 * only between the languages it has.
 */
public record Glossary(List<Term> terms) {

    public static final Glossary EMPTY = new Glossary(List.of());

    /** One agreed term. Each form is 1–100 characters or null when the term has none in that language. */
    public record Term(String ja, String ko, String en, String note) {
        public String form(Language lang) {
            return switch (lang) {
                case JA -> ja;
                case KO -> ko;
                case EN -> en;
            };
        }
    }

    /** A source form and the rendering it must get. */
    record Pair(String source, String target) {}

    /**
     * The pairs for translating {@code from} into {@code into}, longest source first so that a
     * term containing another (日本海 / 東海 inside a longer name) is matched whole.
     */
    List<Pair> pairs(Language from, Language into) {
        List<Pair> out = new ArrayList<>();
        for (Term t : terms) {
            String s = t.form(from);
            String r = t.form(into);
            if (s != null && r != null && !s.isBlank() && !r.isBlank()) {
                out.add(new Pair(s, r));
            }
        }
        out.sort(Comparator.comparingInt((Pair p) -> p.source().length()).reversed());
        return out;
    }

    /** The pairs whose source form occurs in one of {@code texts}. */
    List<Pair> occurring(List<String> texts, Language from, Language into) {
        return pairs(from, into).stream()
                .filter(p -> texts.stream().anyMatch(t -> t.contains(p.source())))
                .toList();
    }
}
