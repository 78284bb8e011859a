package org.commonground.polis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.ModeratedVotes;
import org.commonground.analysis.VoteMatrix;
import org.commonground.results.AnalysisInput;

/**
 * A Pol.is export folder in memory: the statements ("comments"), every vote event, and the cohort
 * values of participants. {@link #read} parses a folder as Pol.is (and Common Ground's
 * {@code export}) writes it; {@link #write} writes one. Ids are Pol.is's own integers.
 *
 * @param summary          topic and description from summary.csv (empty when the file is absent)
 * @param comments         every statement in comments.csv, in file order
 * @param votes            every vote event, in file order; see {@link #voteSource()}
 * @param voteSource       whether {@code votes} is the full history or only the latest votes
 * @param cohortDimensions the cohort columns of participants.csv, in order (empty without the file)
 * @param participants     the rows of participants.csv
 */
public record PolisExport(
        Summary summary,
        List<Comment> comments,
        List<VoteEvent> votes,
        VoteSource voteSource,
        List<String> cohortDimensions,
        List<Voter> participants) {

    public PolisExport {
        comments = List.copyOf(comments);
        votes = votes instanceof VoteColumns ? votes : List.copyOf(votes); // already read-only, and compact
        cohortDimensions = List.copyOf(cohortDimensions);
        participants = List.copyOf(participants);
    }

    /**
     * Reads a Pol.is export folder: comments.csv (either layout), votes.csv or else the vote cells
     * of participants-votes.csv, and the optional participants.csv and summary.csv.
     *
     * @throws PolisFormatException naming {@code file:line} and the reason, for the first fault found
     */
    public static PolisExport read(Path dir) {
        return PolisFolderReader.read(dir);
    }

    /**
     * Writes this export into {@code dir} (created if needed): comments.csv in the layout with a
     * datetime column, votes.csv (every event), participants.csv, participants-votes.csv (latest
     * votes) and summary.csv. Existing files of those names are replaced.
     */
    public void write(Path dir) {
        PolisFolderWriter.write(this, dir);
    }

    /**
     * Each participant's current vote on each statement: the event with the latest timestamp, and of
     * events with equal timestamps the last one in file order. Sorted by voter, then comment.
     */
    public List<VoteEvent> latestVotes() {
        // A stable sort keeps file order among equal times, so the last of each group is the latest.
        List<VoteEvent> sorted = new ArrayList<>(votes);
        sorted.sort(Comparator.comparingInt(VoteEvent::voterId)
                .thenComparingInt(VoteEvent::commentId)
                .thenComparingLong(VoteEvent::timestamp));
        List<VoteEvent> latest = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            VoteEvent v = sorted.get(i);
            if (i + 1 == sorted.size() || sorted.get(i + 1).key() != v.key()) {
                latest.add(v);
            }
        }
        return latest;
    }

    /** Every participant the export mentions: voters, comment authors and participants.csv rows, sorted. */
    public int[] participantIds() {
        IntStream voters = votes.stream().mapToInt(VoteEvent::voterId);
        IntStream authors = comments.stream()
                .filter(c -> c.authorId().isPresent())
                .mapToInt(c -> c.authorId().getAsInt());
        IntStream listed = participants.stream().mapToInt(Voter::id);
        return IntStream.concat(IntStream.concat(voters, authors), listed)
                .sorted()
                .distinct()
                .toArray();
    }

    /** What a Pol.is summary.csv says about the conversation (blank strings when it does not). */
    public record Summary(String topic, String description) {
        public static final Summary EMPTY = new Summary("", "");
    }

    /**
     * One statement.
     *
     * @param id         Pol.is comment-id
     * @param timestamp  creation time, milliseconds since the epoch
     * @param authorId   the Pol.is participant who wrote it; empty for an organizer's seed
     * @param moderation the moderation state
     * @param seed       written by the organizer as a seed (only the newer layout says so)
     * @param text       the comment body as written
     */
    public record Comment(
            int id, long timestamp, OptionalInt authorId, Moderation moderation, boolean seed, String text) {}

    /**
     * One vote event.
     *
     * @param timestamp milliseconds since the epoch; for votes taken from participants-votes.csv, which
     *                  has no times, the comment's creation time
     * @param value     1 agree, -1 disagree, 0 pass
     */
    public record VoteEvent(long timestamp, int commentId, int voterId, int value) {
        public VoteEvent {
            if (value < -1 || value > 1) {
                throw new IllegalArgumentException("a vote is -1, 0 or 1, not " + value);
            }
        }

        long key() {
            return ((long) voterId << 32) | (commentId & 0xFFFF_FFFFL);
        }
    }

    /** One row of participants.csv: a participant and their value in each cohort dimension they have one for. */
    public record Voter(int id, Map<String, String> cohorts) {
        public Voter {
            cohorts = Collections.unmodifiableMap(new LinkedHashMap<>(cohorts));
        }
    }

    /** Pol.is's moderation column: 1 accepted, 0 not yet moderated, -1 rejected. */
    public enum Moderation {
        REJECTED(-1),
        UNMODERATED(0),
        ACCEPTED(1);

        private final int code;

        Moderation(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Moderation ofCode(int code) {
            for (Moderation m : values()) {
                if (m.code == code) {
                    return m;
                }
            }
            throw new IllegalArgumentException("moderated must be -1, 0 or 1, not " + code);
        }
    }

    /** Where the votes came from. */
    public enum VoteSource {
        /** votes.csv: every event, with real timestamps. */
        HISTORY,
        /** participants-votes.csv: only the latest vote per participant and comment, without times. */
        LATEST_ONLY
    }

    /**
     * A Pol.is export: every comment not moderated out is in the math (Pol.is also counts
     * unmoderated comments unless the conversation used strict moderation), with the full history.
     */
    public AnalysisInput analysisInput() {
        VoteMatrix.Builder votes = VoteMatrix.builder();
        for (Comment c : comments()) {
            if (c.moderation() == Moderation.REJECTED) {
                votes.reject(c.id());
            } else {
                votes.statement(c.id());
            }
        }
        for (VoteEvent v : votes()) {
            votes.vote(v.voterId(), v.commentId(), v.value(), v.timestamp());
        }
        Cohorts.Builder cohorts = Cohorts.builder();
        for (Voter p : participants()) {
            p.cohorts().forEach((dimension, value) -> cohorts.assign(p.id(), dimension, value));
        }
        return new AnalysisInput(votes.build(), cohorts.build());
    }

    /** Votes on comments moderated out (rejected), for Pol.is's rules ({@code AnalysisOptions.withPolisRules}). */
    public ModeratedVotes moderatedVotes() {
        java.util.Set<Integer> rejected = new java.util.HashSet<>();
        for (Comment c : comments()) {
            if (c.moderation() == Moderation.REJECTED) {
                rejected.add(c.id());
            }
        }
        ModeratedVotes.Builder moderated = ModeratedVotes.builder();
        for (VoteEvent v : votes()) {
            if (rejected.contains(v.commentId())) {
                moderated.vote(v.voterId(), v.commentId());
            }
        }
        return moderated.build();
    }
}
