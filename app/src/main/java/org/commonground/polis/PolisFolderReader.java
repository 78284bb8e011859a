package org.commonground.polis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;

/** Parses a Pol.is export folder, failing on the first fault with its file and line. */
final class PolisFolderReader {
    static final String COMMENTS = "comments.csv";
    static final String VOTES = "votes.csv";
    static final String PARTICIPANT_VOTES = "participants-votes.csv";
    static final String PARTICIPANTS = "participants.csv";
    static final String SUMMARY = "summary.csv";

    /** Both layouts Pol.is has used: with a datetime column, and the newer one with is-meta/is-seed. */
    private static final Set<String> COMMENT_COLUMNS = Set.of(
            "timestamp",
            "datetime",
            "comment-id",
            "author-id",
            "agrees",
            "disagrees",
            "moderated",
            "comment-body",
            "is-meta",
            "is-seed",
            "group-informed-consensus");

    private static final List<String> COMMENT_REQUIRED =
            List.of("timestamp", "comment-id", "author-id", "moderated", "comment-body");
    private static final Set<String> VOTE_COLUMNS = Set.of("timestamp", "datetime", "comment-id", "voter-id", "vote");
    private static final List<String> VOTE_REQUIRED = List.of("timestamp", "comment-id", "voter-id", "vote");
    /** participants-votes.csv columns that are not comment ids. */
    private static final Set<String> PARTICIPANT_VOTE_META =
            Set.of("participant", "xid", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree");
    /** The rule for a cohort dimension name, as the schema states it. */
    static final Pattern DIMENSION_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    static final int MAX_COHORT_VALUE = 64;

    private PolisFolderReader() {}

    static PolisExport read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolisFormatException(dir, 0, "not a folder");
        }
        List<Comment> comments = readComments(dir.resolve(COMMENTS));
        Map<Integer, Comment> byId = new HashMap<>(comments.size() * 2);
        comments.forEach(c -> byId.put(c.id(), c));
        List<VoteEvent> votes;
        VoteSource source;
        Path history = dir.resolve(VOTES);
        if (Files.exists(history) || !Files.exists(dir.resolve(PARTICIPANT_VOTES))) {
            votes = readVotes(history, byId);
            source = VoteSource.HISTORY;
        } else {
            votes = readParticipantVotes(dir.resolve(PARTICIPANT_VOTES), byId);
            source = VoteSource.LATEST_ONLY;
        }
        Path participantsFile = dir.resolve(PARTICIPANTS);
        List<String> dimensions = new ArrayList<>();
        List<Voter> participants =
                Files.exists(participantsFile) ? readParticipants(participantsFile, dimensions) : List.of();
        Path summaryFile = dir.resolve(SUMMARY);
        Summary summary = Files.exists(summaryFile) ? readSummary(summaryFile) : Summary.EMPTY;
        return new PolisExport(summary, comments, votes, source, dimensions, participants);
    }

    private static List<Comment> readComments(Path file) {
        try (CsvFile csv = CsvFile.withHeader(file).expectColumns(COMMENT_REQUIRED, COMMENT_COLUMNS)) {
            List<Comment> comments = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            while (csv.next()) {
                int id = csv.integer("comment-id");
                if (!seen.add(id)) {
                    throw csv.error("comment-id " + id + " appears twice");
                }
                long timestamp = csv.number("timestamp");
                String author = csv.text("author-id").strip();
                OptionalInt authorId =
                        author.isEmpty() ? OptionalInt.empty() : OptionalInt.of(csv.integer("author-id"));
                for (String count : List.of("agrees", "disagrees")) {
                    if (!csv.text(count).isBlank()) {
                        csv.integer(count); // derived from the votes on import, but a bad number is still a fault
                    }
                }
                int moderated = csv.integer("moderated");
                if (moderated < -1 || moderated > 1) {
                    throw csv.error(
                            "moderated must be 1 (accepted), 0 (unmoderated) or -1 (rejected), not " + moderated);
                }
                boolean seed = flag(csv, "is-seed");
                String text = csv.text("comment-body");
                if (text.indexOf('\0') >= 0) {
                    throw csv.error("comment-body contains a NUL character");
                }
                comments.add(new Comment(id, timestamp, authorId, Moderation.ofCode(moderated), seed, text));
            }
            return comments;
        }
    }

    private static boolean flag(CsvFile csv, String column) {
        return switch (csv.text(column).strip().toLowerCase(Locale.ROOT)) {
            case "", "false", "f", "0" -> false;
            case "true", "t", "1" -> true;
            default -> throw csv.error(column + " must be true or false, not '" + csv.text(column) + "'");
        };
    }

    private static List<VoteEvent> readVotes(Path file, Map<Integer, Comment> comments) {
        try (CsvFile csv = CsvFile.withHeader(file).expectColumns(VOTE_REQUIRED, VOTE_COLUMNS)) {
            VoteColumns votes = new VoteColumns();
            int[] known = comments.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            VoteColumns plain = PlainVoteRecords.parse(
                    csv.bytes(),
                    csv.position(),
                    csv.header().size(),
                    csv.column("timestamp"),
                    csv.column("comment-id"),
                    csv.column("voter-id"),
                    csv.column("vote"),
                    known);
            if (plain != null) {
                return plain;
            }
            while (csv.next()) {
                long timestamp = csv.number("timestamp");
                int commentId = csv.integer("comment-id");
                if (Arrays.binarySearch(known, commentId) < 0) {
                    throw csv.error("comment-id " + commentId + " is not in " + COMMENTS);
                }
                int voterId = csv.integer("voter-id");
                int value = csv.vote("vote");
                votes.append(timestamp, commentId, voterId, value);
            }
            return votes;
        } catch (PolisFormatException e) {
            if (e.line() == 0 && !Files.exists(file)) {
                throw new PolisFormatException(
                        file, 0, "file is missing, and there is no " + PARTICIPANT_VOTES + " to take the votes from");
            }
            throw e;
        }
    }

    /** Pol.is's result matrix: one row per participant, one column per comment id, latest votes in the cells. */
    private static List<VoteEvent> readParticipantVotes(Path file, Map<Integer, Comment> comments) {
        try (CsvFile csv = CsvFile.withHeader(file)) {
            List<String> header = csv.header();
            if (!csv.has("participant")) {
                throw csv.error(1, "missing column 'participant'");
            }
            int[] commentAt = new int[header.size()];
            boolean[] isComment = new boolean[header.size()];
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (PARTICIPANT_VOTE_META.contains(name)) {
                    continue;
                }
                int id;
                try {
                    id = Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw csv.error(1, "unknown column '" + name + "'");
                }
                if (!comments.containsKey(id)) {
                    throw csv.error(1, "column '" + name + "' is not a comment-id in " + COMMENTS);
                }
                commentAt[i] = id;
                isComment[i] = true;
            }
            List<VoteEvent> votes = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            while (csv.next()) {
                int voterId = csv.integer("participant");
                if (!seen.add(voterId)) {
                    throw csv.error("participant " + voterId + " appears twice");
                }
                for (int i = 0; i < isComment.length; i++) {
                    String cell = csv.cell(i);
                    if (isComment[i] && !cell.isBlank()) {
                        Comment c = comments.get(commentAt[i]);
                        votes.add(new VoteEvent(
                                c.timestamp(), c.id(), voterId, csv.vote("vote on comment " + c.id(), cell)));
                    }
                }
            }
            return votes;
        }
    }

    /** Common Ground's addition: a participant column and one column per cohort dimension. */
    private static List<Voter> readParticipants(Path file, List<String> dimensions) {
        try (CsvFile csv = CsvFile.withHeader(file)) {
            if (!csv.has("participant")) {
                throw csv.error(1, "missing column 'participant'");
            }
            List<String> header = csv.header();
            for (String name : header) {
                if (name.equals("participant")) {
                    continue;
                }
                if (!DIMENSION_NAME.matcher(name).matches()) {
                    throw csv.error(
                            1,
                            "unknown column '" + name + "' (a cohort dimension is named with"
                                    + " lower-case letters, digits, '-' or '_', at most 32, starting with a letter)");
                }
                dimensions.add(name);
            }
            List<Voter> participants = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            while (csv.next()) {
                int id = csv.integer("participant");
                if (!seen.add(id)) {
                    throw csv.error("participant " + id + " appears twice");
                }
                Map<String, String> cohorts = new LinkedHashMap<>();
                for (String dimension : dimensions) {
                    String value = csv.text(dimension).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (value.codePointCount(0, value.length()) > MAX_COHORT_VALUE || value.indexOf('\0') >= 0) {
                        throw csv.error(dimension + " value must be 1 to " + MAX_COHORT_VALUE
                                + " characters without NUL: '" + value + "'");
                    }
                    cohorts.put(dimension, value);
                }
                participants.add(new Voter(id, cohorts));
            }
            return participants;
        }
    }

    /** key,value rows without a header. */
    private static Summary readSummary(Path file) {
        String topic = "";
        String description = "";
        try (CsvFile csv = CsvFile.withoutHeader(file)) {
            while (csv.next()) {
                String value = csv.size() > 1 ? csv.cell(1) : "";
                switch (csv.cell(0).strip()) {
                    case "topic" -> topic = value.strip();
                    case "conversation-description" -> description = value.strip();
                    default -> {}
                }
            }
        }
        return new Summary(topic, description);
    }
}
