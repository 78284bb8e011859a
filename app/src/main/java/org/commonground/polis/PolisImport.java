package org.commonground.polis;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.db.RowTriggers;
import org.commonground.participation.Participants;
import org.commonground.participation.Votes;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.statement.Statements;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads a {@link PolisExport} into the database as a new conversation, in one transaction: either
 * all of it is there afterwards or none of it. Rows go in with COPY, so the 50,000 vote events of
 * vTaiwan take well under a second.
 *
 * <p>Imported history is kept as it was: Pol.is ids become {@code external_id}s, near-duplicate
 * statements are all kept (the duplicate rule guards new statements, not the record of a past
 * conversation), texts are NFC-normalized and trimmed like every statement but keep their length
 * (see V30), every vote event is stored and the latest one per participant and statement becomes
 * the current vote.
 */
public final class PolisImport {
    /** The longest imported text the schema accepts (V30); new statements keep StatementText's limit. */
    public static final int MAX_IMPORTED_TEXT = 10_000;

    private final Jdbi jdbi;

    public PolisImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What an import created. */
    public record Result(long conversationId, int statements, int participants, int voteEvents, int currentVotes) {}

    /** Imports in a transaction of its own. */
    public Result run(PolisExport export, ImportedConversation conversation, ImportProgress progress) {
        return PolisStore.inTransaction(jdbi, handle -> insert(handle, export, conversation, progress));
    }

    /** Imports inside the caller's transaction (the demo adds translations in the same one). */
    public static Result insert(
            Handle handle, PolisExport export, ImportedConversation conversation, ImportProgress progress) {
        List<String> texts =
                export.comments().stream().map(PolisImport::importedText).toList();
        // Foreign-key checks are row triggers, and they cost four fifths of loading 50,000 vote
        // events. Every row written here refers only to rows created earlier in this transaction,
        // from ids read back, so a superuser connection skips them and verifyReferences checks the
        // result with set-based queries instead.
        boolean skipTriggers = RowTriggers.skipForThisTransaction(handle);
        long conversationId = ConversationCatalog.insertImported(
                handle, conversation.state(), earliestActivity(export), texts(conversation));
        Map<String, Set<String>> values = dimensionValues(export, conversation);
        Map<String, Long> dimensions = ConversationCatalog.insertImportedDimensions(handle, conversationId, values);

        int[] participantIds = export.participantIds();
        Map<Integer, Long> participants = insertParticipants(handle, conversationId, export, participantIds, progress);
        insertCohorts(handle, export, participants, dimensions);

        Map<Integer, Long> statements = insertStatements(handle, conversationId, export, texts, participants, progress);

        List<VoteEvent> latest = export.latestVotes();
        insertVotes(handle, conversationId, export.votes(), latest, participants, statements, progress);
        if (skipTriggers) {
            verifyReferences(handle, conversationId, participants, statements, dimensions, values);
            RowTriggers.restore(handle);
        }
        return new Result(
                conversationId,
                statements.size(),
                participants.size(),
                export.votes().size(),
                latest.size());
    }

    private static Map<Language, Conversation.Text> texts(ImportedConversation conversation) {
        Map<Language, Conversation.Text> out = new LinkedHashMap<>();
        conversation
                .texts()
                .forEach((lang, t) -> out.put(lang, new Conversation.Text(t.title(), t.description(), t.background())));
        return out;
    }

    /** What the skipped foreign keys would have guaranteed, and more: every reference stays inside the conversation. */
    private static void verifyReferences(
            Handle handle,
            long conversationId,
            Map<Integer, Long> participants,
            Map<Integer, Long> statements,
            Map<String, Long> dimensions,
            Map<String, Set<String>> values) {
        int pairs = values.values().stream().mapToInt(Set::size).sum();
        long[] dimensionIds = new long[pairs];
        String[] allowed = new String[pairs];
        int k = 0;
        for (var d : values.entrySet()) {
            for (String v : d.getValue()) {
                dimensionIds[k] = dimensions.get(d.getKey());
                allowed[k++] = v;
            }
        }
        long dangling = Participants.danglingImported(
                        handle,
                        conversationId,
                        statements.values().stream().mapToLong(Long::longValue).toArray(),
                        dimensionIds,
                        allowed)
                + Statements.danglingAuthors(
                        handle,
                        conversationId,
                        participants.values().stream()
                                .mapToLong(Long::longValue)
                                .toArray());
        if (dangling != 0) {
            throw new IllegalStateException(
                    dangling + " imported rows refer to rows outside conversation " + conversationId);
        }
    }

    /** The same normal form StatementText gives (NFC, trimmed), without its length rule: history stays as written. */
    private static String importedText(Comment c) {
        String text = Normalizer.normalize(c.text(), Normalizer.Form.NFC).strip();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_IMPORTED_TEXT) {
            throw new PolisFormatException(
                    Path.of(PolisFolderReader.COMMENTS),
                    0,
                    "comment-id " + c.id() + " is " + length
                            + " characters long; an imported statement may have at most " + MAX_IMPORTED_TEXT);
        }
        return text;
    }

    private static Instant earliestActivity(PolisExport export) {
        long earliest = Long.MAX_VALUE;
        for (Comment c : export.comments()) {
            earliest = Math.min(earliest, c.timestamp());
        }
        for (VoteEvent v : export.votes()) {
            earliest = Math.min(earliest, v.timestamp());
        }
        return earliest == Long.MAX_VALUE ? Instant.now() : Instant.ofEpochMilli(earliest);
    }

    /** The conversation's dimensions, each with the declared values followed by any others the data uses. */
    private static Map<String, Set<String>> dimensionValues(PolisExport export, ImportedConversation conversation) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        conversation
                .dimensions()
                .forEach(d -> values.computeIfAbsent(d.name(), k -> new LinkedHashSet<>())
                        .addAll(d.values()));
        export.cohortDimensions().forEach(d -> values.computeIfAbsent(d, k -> new LinkedHashSet<>()));
        for (Voter p : export.participants()) {
            p.cohorts()
                    .forEach((d, v) -> values.computeIfAbsent(d, k -> new LinkedHashSet<>())
                            .add(v));
        }
        return values;
    }

    private static Map<Integer, Long> insertParticipants(
            Handle handle, long conversationId, PolisExport export, int[] ids, ImportProgress progress) {
        Map<Integer, Long> firstSeen = new HashMap<>(ids.length * 2);
        for (VoteEvent v : export.votes()) {
            firstSeen.merge(v.voterId(), v.timestamp(), Math::min);
        }
        for (Comment c : export.comments()) {
            c.authorId().ifPresent(a -> firstSeen.merge(a, c.timestamp(), Math::min));
        }
        Instant now = Instant.now();
        List<Participants.ImportedParticipant> people = new ArrayList<>(ids.length);
        for (int id : ids) {
            Long seen = firstSeen.get(id);
            people.add(new Participants.ImportedParticipant(
                    Integer.toString(id), seen == null ? now : Instant.ofEpochMilli(seen)));
        }
        Map<Integer, Long> byPolisId = byPolisId(Participants.insertImported(handle, conversationId, people));
        progress.advance("participants", ids.length, ids.length);
        return byPolisId;
    }

    private static Map<Integer, Long> byPolisId(Map<String, Long> byExternal) {
        Map<Integer, Long> out = new HashMap<>(byExternal.size() * 2);
        byExternal.forEach((external, id) -> out.put(Integer.parseInt(external), id));
        return out;
    }

    private static void insertCohorts(
            Handle handle, PolisExport export, Map<Integer, Long> participants, Map<String, Long> dimensions) {
        List<Participants.ImportedAnswer> answers = new ArrayList<>();
        for (Voter p : export.participants()) {
            p.cohorts()
                    .forEach((d, v) -> answers.add(
                            new Participants.ImportedAnswer(participants.get(p.id()), dimensions.get(d), v)));
        }
        Participants.insertImportedAnswers(handle, answers);
    }

    private static Map<Integer, Long> insertStatements(
            Handle handle,
            long conversationId,
            PolisExport export,
            List<String> texts,
            Map<Integer, Long> participants,
            ImportProgress progress) {
        List<Statements.ImportedStatement> rows =
                new ArrayList<>(export.comments().size());
        for (int i = 0; i < export.comments().size(); i++) {
            Comment c = export.comments().get(i);
            Long author =
                    c.authorId().isPresent() ? participants.get(c.authorId().getAsInt()) : null;
            Instant at = Instant.ofEpochMilli(c.timestamp());
            rows.add(new Statements.ImportedStatement(
                    Integer.toString(c.id()),
                    texts.get(i),
                    author,
                    c.seed() || author == null,
                    moderationState(c.moderation()),
                    at,
                    c.moderation() == PolisExport.Moderation.UNMODERATED ? null : at));
        }
        Map<Integer, Long> byPolisId = byPolisId(Statements.insertImported(handle, conversationId, rows));
        progress.advance("statements", byPolisId.size(), byPolisId.size());
        return byPolisId;
    }

    /**
     * Pol.is shows unmoderated comments and counts their votes unless a conversation moderates
     * strictly, which the export does not record; the votes on them prove they were shown. So an
     * unmoderated comment becomes an accepted statement that no moderator decided on (no
     * moderated_at), just like a statement in our own post-moderated conversations, and exports
     * back as unmoderated.
     */
    static String moderationState(PolisExport.Moderation moderation) {
        return switch (moderation) {
            case ACCEPTED, UNMODERATED -> "accepted";
            case REJECTED -> "rejected";
        };
    }

    private static void insertVotes(
            Handle handle,
            long conversationId,
            List<VoteEvent> events,
            List<VoteEvent> latest,
            Map<Integer, Long> participants,
            Map<Integer, Long> statements,
            ImportProgress progress) {
        long total = events.size() + (long) latest.size();
        Votes.insertImported(
                handle,
                conversationId,
                mapped(events, participants, statements),
                mapped(latest, participants, statements),
                done -> progress.advance("votes", done, total));
    }

    /** Pol.is votes with our ids, resolved once per vote up front (a missing comment fails here, before any COPY). */
    private static Votes.ImportedVotes mapped(
            List<VoteEvent> votes, Map<Integer, Long> participants, Map<Integer, Long> statements) {
        long[] voter = new long[votes.size()];
        long[] statement = new long[votes.size()];
        for (int i = 0; i < votes.size(); i++) {
            VoteEvent v = votes.get(i);
            voter[i] = participants.get(v.voterId());
            statement[i] = statement(statements, v);
        }
        return new Votes.ImportedVotes() {
            @Override
            public int size() {
                return votes.size();
            }

            @Override
            public long participant(int i) {
                return voter[i];
            }

            @Override
            public long statement(int i) {
                return statement[i];
            }

            @Override
            public int value(int i) {
                return votes.get(i).value();
            }

            @Override
            public long castAtMillis(int i) {
                return votes.get(i).timestamp();
            }
        };
    }

    private static long statement(Map<Integer, Long> statements, VoteEvent v) {
        Long id = statements.get(v.commentId());
        if (id == null) {
            // PolisExport.read refuses such votes with file:line; this guards exports built in code
            throw new IllegalArgumentException(
                    "vote for comment-id " + v.commentId() + " which is not among the comments");
        }
        return id;
    }
}
