package org.commonground.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shared-understanding document of a dialogue as stored and as the API answers it: sections by
 * topic, each with clauses that cite statements of the dialogue's rounds; saved versions v1, v2, …
 * and the editors' approvals. Texts are keyed by language code (ja, ko, en), written by editors per
 * language. Public because the API's JSON and the precompiled templates live outside the package.
 */
public final class SharedDocument {
    private SharedDocument() {}

    /** A section of the document: its topic's title per language, and its clauses in order. */
    public record Section(long id, int position, Map<String, String> titles, List<Clause> clauses) {}

    /**
     * A clause: its text per language and the statements it cites.
     *
     * @param approved false for a machine draft no editor has approved yet (never saved into a version)
     * @param origin   {@code editor} or {@code machine}
     * @param flagged  statement ids the drafting model cited that it was not given (left out of {@code cites})
     */
    public record Clause(
            long id,
            int position,
            Map<String, String> texts,
            List<Long> cites,
            boolean approved,
            String origin,
            List<Long> flagged) {}

    /** The sections of a version (approved clauses only), as saved. */
    public record Snapshot(List<Section> sections) {}

    /** An editor's approval of a version, for their country cohort. */
    public record Approval(long accountId, String country, Instant approvedAt) {}

    /** Version {@code number}: its snapshot, who saved it, its approvals, and when it was published (null until). */
    public record Version(
            int number,
            Snapshot snapshot,
            Instant savedAt,
            Long savedBy,
            List<Approval> approvals,
            Instant publishedAt) {
        public boolean published() {
            return publishedAt != null;
        }
    }

    /** A version in a list, without its snapshot. */
    public record VersionSummary(int number, Instant savedAt, List<String> approvedBy, Instant publishedAt) {}

    /** An editor of the dialogue, for one country cohort. */
    public record Editor(long accountId, String email, String country, Instant grantedAt) {}
}
