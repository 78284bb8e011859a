package org.commonground.forum;

import java.util.List;

/**
 * What the forum's templates show, already in the reader's language. Public only because the
 * precompiled templates live in another package; nothing else uses these records.
 */
public final class ForumPageModel {
    private ForumPageModel() {}

    /** The page header: forum, where and when, and what the reader is there. */
    public record Header(
            long forumId,
            String title,
            String venue,
            String date,
            boolean organizer,
            boolean delegate,
            String organizationName,
            String delegateName) {}

    public record OrganizationCard(
            long id,
            String name,
            String country,
            List<String> sectors,
            List<String> capabilities,
            List<String> markets,
            String size,
            boolean approved) {}

    public record ProjectRow(
            long id,
            String title,
            String host,
            String sector,
            String size,
            List<String> financing,
            List<String> needs,
            String status,
            int interestCount,
            boolean interested) {}

    /** One capability of a proposal's project: who covers it (names), empty when it is missing. */
    public record CoverageRow(String capability, int weight, List<String> coveredBy) {
        public boolean missing() {
            return coveredBy.isEmpty();
        }
    }

    public record Seat(String country, String organization, String answer) {}

    public record ProposalCard(
            long id,
            long projectId,
            String project,
            String host,
            int rank,
            String state,
            String score,
            String coverage,
            List<Seat> seats,
            List<CoverageRow> coverageRows,
            boolean canAnswer,
            String myAnswer) {}

    public record PersonRow(long accountId, String name, String organization, String country) {}

    public record ConsortiumCard(
            long id, String project, String state, List<String> members, List<PersonRow> delegates, String notes) {}

    public record MeetingRow(
            long id,
            String when,
            String table,
            String state,
            String priority,
            List<String> with,
            String note,
            boolean awaitingMe,
            boolean published) {}

    /** A slot of the day in the delegate's availability form. */
    public record SlotChoice(int slot, String time, boolean free) {}

    public record PendingOrganization(long id, String name, String country) {}

    public record PendingDelegate(long accountId, String name, String organization) {}
}
