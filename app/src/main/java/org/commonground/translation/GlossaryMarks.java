package org.commonground.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonground.web.Language;

/**
 * The translator's desk marks each glossary term in an original, with the agreed renderings in
 * its title, so a translator renders 독도 as the conversation agreed without looking it up.
 */
public final class GlossaryMarks {
    private final Glossary glossary;

    GlossaryMarks(Glossary glossary) {
        this.glossary = glossary;
    }

    public List<Glossary.Term> terms() {
        return glossary.terms();
    }

    /** {@code text} as HTML (escaped), each glossary term in {@code lang} inside a {@code <mark>}. */
    public String html(String text, String lang) {
        Language language = Language.parse(lang).orElse(Language.EN);
        record Found(int start, int end, Glossary.Term term) {}
        List<Glossary.Term> byLength = new ArrayList<>(
                glossary.terms().stream().filter(t -> t.form(language) != null).toList());
        byLength.sort(
                Comparator.comparingInt((Glossary.Term t) -> t.form(language).length())
                        .reversed());
        List<Found> found = new ArrayList<>();
        for (Glossary.Term t : byLength) {
            String form = t.form(language);
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length())) {
                int start = at;
                int end = at + form.length();
                if (found.stream().noneMatch(f -> start < f.end() && f.start() < end)) {
                    found.add(new Found(start, end, t));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Found f : found) {
            out.append(escape(text.substring(at, f.start())));
            out.append("<mark class=\"glossary\" title=\"")
                    .append(escape(renderings(f.term())))
                    .append("\">")
                    .append(escape(text.substring(f.start(), f.end())))
                    .append("</mark>");
            at = f.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    /** "竹島 / 독도 / Dokdo/Takeshima", the forms in ja, ko, en order. */
    public static String renderings(Glossary.Term t) {
        List<String> forms = new ArrayList<>();
        for (Language l : Language.values()) {
            if (t.form(l) != null) {
                forms.add(t.form(l));
            }
        }
        return String.join(" / ", forms);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
