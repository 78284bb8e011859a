package org.commonground.forum;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.commonground.web.SpreadsheetSafeCsv;

/** The organizers' CSV exports: proposals with their explanation, and meetings with their placement. */
final class ForumCsv {
    private final ProposalStore proposals;
    private final MeetingStore meetings;

    ForumCsv(ProposalStore proposals, MeetingStore meetings) {
        this.proposals = proposals;
        this.meetings = meetings;
    }

    void proposals(Context ctx, ForumStore.Forum forum) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProposalStore.Proposal p : proposals.proposals(forum.id(), null)) {
            List<Object> row = new ArrayList<>(List.of(
                    p.id(),
                    p.projectId(),
                    p.projectTitle(),
                    p.hostCountry(),
                    p.rank(),
                    p.state(),
                    String.format(java.util.Locale.ROOT, "%.4f", p.score()),
                    String.format(java.util.Locale.ROOT, "%.4f", p.coverage())));
            for (String seat : ProposalStore.SEATS) {
                var member =
                        p.members().stream().filter(m -> m.seat().equals(seat)).findFirst();
                row.add(member.map(m -> m.names().get("en")).orElse(""));
                row.add(member.map(ProposalStore.Member::answer).orElse(""));
                row.add(String.join(" ", p.coveredBy(seat)));
            }
            row.add(p.missing().stream().map(ProposalStore.Covered::capability).collect(Collectors.joining(" ")));
            rows.add(row);
        }
        write(
                ctx,
                "forum-" + forum.id() + "-proposals.csv",
                List.of(
                        "proposal_id",
                        "project_id",
                        "project",
                        "host_country",
                        "rank",
                        "state",
                        "score",
                        "coverage",
                        "us_member",
                        "us_answer",
                        "us_covers",
                        "jp_member",
                        "jp_answer",
                        "jp_covers",
                        "kr_member",
                        "kr_answer",
                        "kr_covers",
                        "missing"),
                rows);
    }

    void meetings(Context ctx, ForumStore.Forum forum) {
        List<List<Object>> rows = new ArrayList<>();
        for (MeetingStore.Meeting m : meetings.meetings(forum.id(), null)) {
            rows.add(List.of(
                    m.id(),
                    m.state(),
                    m.priority(),
                    m.slot() == null ? "" : m.slot(),
                    m.slot() == null ? "" : forum.slotStart(m.slot()).toString(),
                    m.table() == null ? "" : m.table() + 1,
                    m.published(),
                    m.parties().stream()
                            .map(p -> p.name() + " (" + p.organizationName() + ", " + p.country() + ")")
                            .collect(Collectors.joining("; ")),
                    m.note()));
        }
        write(
                ctx,
                "forum-" + forum.id() + "-meetings.csv",
                List.of(
                        "meeting_id",
                        "state",
                        "priority",
                        "slot",
                        "start_utc",
                        "table",
                        "published",
                        "delegates",
                        "note"),
                rows);
    }

    private static void write(Context ctx, String filename, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, CSVFormat.DEFAULT)) {
            csv.row(header);
            for (List<Object> row : rows) {
                csv.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }
}
