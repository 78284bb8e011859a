package org.commonground.polis;

import static org.commonground.polis.PolisFolderReader.COMMENTS;
import static org.commonground.polis.PolisFolderReader.PARTICIPANTS;
import static org.commonground.polis.PolisFolderReader.PARTICIPANT_VOTES;
import static org.commonground.polis.PolisFolderReader.SUMMARY;
import static org.commonground.polis.PolisFolderReader.VOTES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.web.SpreadsheetSafeCsv;

/** Writes the files of a Pol.is export folder, in the layout Pol.is's classic exporter used. */
final class PolisFolderWriter {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private PolisFolderWriter() {}

    static void write(PolisExport export, Path dir) {
        try {
            Files.createDirectories(dir);
            List<VoteEvent> latest = export.latestVotes();
            writeComments(export, latest, dir.resolve(COMMENTS));
            writeVotes(export, dir.resolve(VOTES));
            writeParticipants(export, dir.resolve(PARTICIPANTS));
            writeParticipantVotes(export, latest, dir.resolve(PARTICIPANT_VOTES));
            writeSummary(export, latest, dir.resolve(SUMMARY));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export to " + dir, e);
        }
    }

    /** Text cells are neutralised against formula injection there; the reader restores them. */
    private static SpreadsheetSafeCsv printer(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new SpreadsheetSafeCsv(out, FORMAT);
    }

    private static void writeComments(PolisExport export, List<VoteEvent> latest, Path file) throws IOException {
        Map<Integer, int[]> tally = new HashMap<>();
        for (VoteEvent v : latest) {
            int[] t = tally.computeIfAbsent(v.commentId(), k -> new int[2]);
            if (v.value() == 1) {
                t[0]++;
            } else if (v.value() == -1) {
                t[1]++;
            }
        }
        try (SpreadsheetSafeCsv csv = printer(file)) {
            csv.row(
                    "timestamp",
                    "datetime",
                    "comment-id",
                    "author-id",
                    "agrees",
                    "disagrees",
                    "moderated",
                    "comment-body");
            for (Comment c : export.comments()) {
                int[] t = tally.getOrDefault(c.id(), new int[2]);
                csv.row(
                        c.timestamp(),
                        datetime(c.timestamp()),
                        c.id(),
                        c.authorId().isPresent() ? Integer.toString(c.authorId().getAsInt()) : "",
                        t[0],
                        t[1],
                        c.moderation().code(),
                        c.text());
            }
        }
    }

    /** 50,000 rows of numbers and a date: written directly, as nothing in them needs quoting. */
    private static void writeVotes(PolisExport export, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(96);
            out.write("timestamp,datetime,comment-id,voter-id,vote\n");
            for (VoteEvent v : export.votes()) {
                line.setLength(0);
                line.append(v.timestamp()).append(',');
                appendDatetime(line, v.timestamp());
                line.append(',')
                        .append(v.commentId())
                        .append(',')
                        .append(v.voterId())
                        .append(',')
                        .append(v.value())
                        .append('\n');
                out.append(line);
            }
        }
    }

    private static void writeParticipants(PolisExport export, Path file) throws IOException {
        Map<Integer, Voter> rows = new HashMap<>();
        export.participants().forEach(p -> rows.put(p.id(), p));
        try (SpreadsheetSafeCsv csv = printer(file)) {
            List<String> header = new ArrayList<>();
            header.add("participant");
            header.addAll(export.cohortDimensions());
            csv.row(header);
            List<String> cells = new ArrayList<>(header.size());
            for (int id : export.participantIds()) {
                Voter p = rows.get(id);
                cells.clear();
                cells.add(Integer.toString(id));
                for (String dimension : export.cohortDimensions()) {
                    cells.add(p == null ? "" : p.cohorts().getOrDefault(dimension, ""));
                }
                csv.row(cells);
            }
        }
    }

    /** Pol.is's matrix of latest votes; group-id is left empty (the opinion groups are computed elsewhere). */
    private static void writeParticipantVotes(PolisExport export, List<VoteEvent> latest, Path file)
            throws IOException {
        TreeSet<Integer> commentIds = new TreeSet<>();
        export.comments().forEach(c -> commentIds.add(c.id()));
        Map<Integer, Integer> column = new HashMap<>();
        for (int id : commentIds) {
            column.put(id, column.size());
        }
        Map<Integer, Integer> authored = new HashMap<>();
        export.comments().forEach(c -> c.authorId().ifPresent(a -> authored.merge(a, 1, Integer::sum)));
        Map<Integer, String[]> cells = new HashMap<>();
        for (VoteEvent v : latest) {
            cells.computeIfAbsent(v.voterId(), k -> new String[commentIds.size()])[column.get(v.commentId())] =
                    Integer.toString(v.value());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(16 + 3 * commentIds.size());
            line.append("participant,group-id,n-comments,n-votes,n-agree,n-disagree");
            commentIds.forEach(id -> line.append(',').append(id));
            out.append(line).append('\n');
            for (int id : export.participantIds()) {
                String[] votes = cells.getOrDefault(id, new String[commentIds.size()]);
                int n = 0;
                int agree = 0;
                int disagree = 0;
                for (String vote : votes) {
                    if (vote != null) {
                        n++;
                        agree += vote.equals("1") ? 1 : 0;
                        disagree += vote.equals("-1") ? 1 : 0;
                    }
                }
                line.setLength(0);
                line.append(id)
                        .append(",,")
                        .append(authored.getOrDefault(id, 0))
                        .append(',')
                        .append(n)
                        .append(',')
                        .append(agree)
                        .append(',')
                        .append(disagree);
                for (String vote : votes) {
                    line.append(',');
                    if (vote != null) {
                        line.append(vote);
                    }
                }
                out.append(line).append('\n');
            }
        }
    }

    private static void writeSummary(PolisExport export, List<VoteEvent> latest, Path file) throws IOException {
        Set<Integer> voters = new HashSet<>();
        latest.forEach(v -> voters.add(v.voterId()));
        Set<Integer> commenters = new HashSet<>();
        export.comments().forEach(c -> c.authorId().ifPresent(commenters::add));
        try (SpreadsheetSafeCsv csv = printer(file)) {
            csv.row("topic", export.summary().topic());
            csv.row("voters", voters.size());
            csv.row("voters-in-conv", voters.size());
            csv.row("commenters", commenters.size());
            csv.row("comments", export.comments().size());
            csv.row("conversation-description", export.summary().description());
        }
    }

    private static String datetime(long epochMillis) {
        StringBuilder text = new StringBuilder(28);
        appendDatetime(text, epochMillis);
        return text.toString();
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    /**
     * The shape of Java's Date.toString(), which Pol.is writes ("Tue Jun 30 08:49:52 UTC 2015"),
     * always in UTC; by hand because DateTimeFormatter is the slowest part of writing 50,000 votes.
     */
    static void appendDatetime(StringBuilder out, long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        out.append(DAYS[t.getDayOfWeek().ordinal()])
                .append(' ')
                .append(MONTHS[t.getMonthValue() - 1])
                .append(' ');
        twoDigits(out, t.getDayOfMonth()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        twoDigits(out, t.getSecond()).append(" UTC ").append(t.getYear());
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
