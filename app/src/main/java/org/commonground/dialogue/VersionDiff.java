package org.commonground.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one version of the document to another, clause by clause (a clause is the same
 * clause across versions by its id): clauses added, removed, and changed — in text, word by word
 * (character by character in Japanese, which has no spaces), or in the statements they cite.
 */
final class VersionDiff {
    private VersionDiff() {}

    /** The changes from {@code older} to {@code newer}, in the newer's order (removed clauses where they were). */
    static List<DocumentPage.Change> between(
            SharedDocument.Snapshot older, SharedDocument.Snapshot newer, Function<Map<String, String>, String> text) {
        Map<Long, Located> before = clauses(older);
        Map<Long, Located> after = clauses(newer);
        List<DocumentPage.Change> out = new ArrayList<>();
        for (Located o : before.values()) {
            if (!after.containsKey(o.clause().id())) {
                out.add(new DocumentPage.Change(
                        "removed",
                        o.section().id(),
                        text.apply(o.section().titles()),
                        List.of(new DocumentPage.Piece(text.apply(o.clause().texts()), "del")),
                        List.of(),
                        o.clause().cites()));
            }
        }
        for (Located n : after.values()) {
            Located o = before.get(n.clause().id());
            String now = text.apply(n.clause().texts());
            String section = text.apply(n.section().titles());
            if (o == null) {
                out.add(new DocumentPage.Change(
                        "added",
                        n.section().id(),
                        section,
                        List.of(new DocumentPage.Piece(now, "ins")),
                        n.clause().cites(),
                        List.of()));
                continue;
            }
            String was = text.apply(o.clause().texts());
            boolean textChanged = !o.clause().texts().equals(n.clause().texts());
            boolean citesChanged = !o.clause().cites().equals(n.clause().cites());
            if (textChanged || citesChanged) {
                out.add(new DocumentPage.Change(
                        "changed",
                        n.section().id(),
                        section,
                        words(was, now),
                        minus(n.clause().cites(), o.clause().cites()),
                        minus(o.clause().cites(), n.clause().cites())));
            }
        }
        return out;
    }

    /** The word-level difference of two texts, as runs: a longest common subsequence of their tokens. */
    static List<DocumentPage.Piece> words(String was, String now) {
        List<String> a = tokens(was);
        List<String> b = tokens(now);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<DocumentPage.Piece> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                append(out, a.get(i), "same");
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                append(out, b.get(j), "ins");
                j++;
            } else {
                append(out, a.get(i), "del");
                i++;
            }
        }
        return out;
    }

    /** Words with the spaces before them, punctuation alone, each CJK character alone. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < text.length(); ) {
            int cp = text.codePointAt(k);
            k += Character.charCount(cp);
            boolean cjk = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA;
            if (Character.isLetterOrDigit(cp) && !cjk) {
                word.appendCodePoint(cp);
                continue;
            }
            if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
            out.add(new String(Character.toChars(cp)));
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private static void append(List<DocumentPage.Piece> out, String token, String kind) {
        if (!out.isEmpty() && out.getLast().kind().equals(kind)) {
            DocumentPage.Piece last = out.removeLast();
            out.add(new DocumentPage.Piece(last.text() + token, kind));
        } else {
            out.add(new DocumentPage.Piece(token, kind));
        }
    }

    private static List<Long> minus(List<Long> a, List<Long> b) {
        return a.stream().filter(x -> !b.contains(x)).distinct().toList();
    }

    private record Located(SharedDocument.Section section, SharedDocument.Clause clause) {}

    private static Map<Long, Located> clauses(SharedDocument.Snapshot s) {
        Map<Long, Located> out = new LinkedHashMap<>();
        for (SharedDocument.Section section : s.sections()) {
            for (SharedDocument.Clause c : section.clauses()) {
                out.put(c.id(), new Located(section, Objects.requireNonNull(c)));
            }
        }
        return out;
    }
}
