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

    /**
     * The editors' page of the working draft: its sections and clauses with every language's text,
     * the latest round's statements to cite, and the saved versions with who approved each.
     *
     * @param country  the cohort the reader edits for, by name; empty for an organizer who is no editor
     * @param drafting whether a language model drafts sections on this server
     * @param error    what was refused, in the reader's language; {@code errorAt} names where (a form's id)
     * @param kept     what was sent with the refused form, by field name, so that nothing typed is lost
     */
    public record DeskView(
            long dialogueId,
            String dialogueTitle,
            String country,
            boolean drafting,
            List<DeskSection> sections,
            List<Citable> citable,
            int round,
            List<DeskVersion> versions,
            String notice,
            String error,
            String errorAt,
            java.util.Map<String, String> kept) {
        /** The value field {@code field} of form {@code form} shows: as sent when that form was refused, else {@code stored}. */
        public String value(String form, String field, String stored) {
            return form.equals(errorAt) ? kept.getOrDefault(field, stored) : stored;
        }
    }

    /** A text of the draft in one language ({@code text} empty when no editor wrote it yet). */
    public record LangText(String lang, String language, String text) {}

    public record DeskSection(long id, Shown title, List<LangText> titles, List<DeskClause> clauses) {}

    /**
     * A clause of the working draft.
     *
     * @param cites   the statements it cites, as the form writes them ("12, 34")
     * @param machine drafted by the language model; {@code approved} false until an editor approves it
     * @param flagged statements the model cited that it was not given, left out
     */
    public record DeskClause(
            long id,
            List<LangText> texts,
            String cites,
            boolean approved,
            boolean machine,
            String flagged,
            List<Citation> citations) {}

    /** A statement of the latest round a clause may cite. */
    public record Citable(long id, Shown text) {}

    /** A saved version with its approvals; {@code mine} when the reader's cohort already approved it. */
    public record DeskVersion(
            int number,
            String savedAt,
            boolean published,
            String publishedAt,
            List<DeskApproval> approvals,
            String url,
            boolean mine) {}

    /** An editor's approval: the cohort by name, the editor's e-mail, the day. */
    public record DeskApproval(String country, String email, String at) {}
}
