package org.commonground.dialogue;

import java.util.List;
import org.commonground.report.StackedBar;

/**
 * What the document pages render, every text already in the reader's language (templates only lay
 * it out). Public because the precompiled templates live outside the package.
 */
public final class DocumentPage {
    private DocumentPage() {}

    /**
     * A text as shown. {@code lang} is the language it is written in; {@code note} is empty when
     * that is the reader's, else says why it is not (a machine translation, or the language shown
     * instead because no editor has written this one yet).
     */
    public record Shown(String text, String lang, String note, boolean machine) {}

    /** A statement a clause cites, with what the latest round says of it. */
    public record Citation(
            long statementId,
            String anchor,
            Shown text,
            boolean inLatestRound,
            List<StackedBar> cohorts,
            List<StackedBar> groups) {}

    public record ClauseView(long id, Shown text, List<Citation> citations) {}

    public record SectionView(long id, Shown title, List<ClauseView> clauses) {}

    /** A divide of the latest round: the statement and every country cohort's split side by side. */
    public record DivideView(long statementId, Shown text, List<StackedBar> cohorts) {}

    /** A version in the list: its number, whether published, and its page. */
    public record VersionLink(int number, boolean published, String url, boolean current) {}

    /**
     * The document as one version shows it.
     *
     * @param round     the round whose result the support comes from (0 when none has one yet)
     * @param approvals who approved this version, by country cohort name
     */
    public record View(
            long dialogueId,
            String dialogueTitle,
            String dialogueLang,
            int number,
            boolean published,
            String publishedAt,
            List<SectionView> sections,
            List<DivideView> differ,
            int round,
            List<VersionLink> versions,
            String changesUrl,
            List<String> approvals) {}

    /** A run of text that both versions have ({@code same}), or only the newer ({@code ins}) or the older ({@code del}). */
    public record Piece(String text, String kind) {}

    /**
     * One changed clause. {@code kind} is added, removed or changed; {@code pieces} the clause's text
     * with what changed marked; {@code citesAdded} / {@code citesRemoved} the statements it newly cites
     * or no longer does.
     */
    public record Change(
            String kind,
            long sectionId,
            String section,
            List<Piece> pieces,
            List<Long> citesAdded,
            List<Long> citesRemoved) {}

    /** The changes from version {@code from} to version {@code to}. */
    public record Changes(long dialogueId, String dialogueTitle, int from, int to, List<Change> changes) {}

    /** The organizer's page of editors. */
    public record EditorsView(
            long dialogueId, String dialogueTitle, List<EditorRow> editors, String notice, String error) {}

    public record EditorRow(String email, String country) {}
}
