package org.commonground.polis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.participation.Participants;
import org.commonground.participation.Votes;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.problem.NotFound;
import org.commonground.statement.Statements;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads one conversation from the database as a {@link PolisExport}, ready to be written as a Pol.is
 * folder: every statement, the full vote history and every participant's cohort values.
 *
 * <p>Pol.is ids are integers. A statement or participant imported from Pol.is keeps its id; the
 * others (written here, or with a non-numeric external id) are numbered after the largest one, in
 * the order they were created, so a conversation born here exports as 0, 1, 2 … like Pol.is.
 */
public final class ConversationExport {
    private final Jdbi jdbi;

    public ConversationExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The conversation as a Pol.is export, read in one consistent snapshot; 404 if it does not exist. */
    public PolisExport load(long conversationId) {
        return PolisStore.inSnapshot(jdbi, handle -> load(handle, conversationId));
    }

    private static PolisExport load(Handle handle, long conversationId) {
        Conversation conversation = ConversationCatalog.read(handle, conversationId)
                .orElseThrow(() -> NotFound.of("conversation", conversationId));
        Summary summary = summary(conversation);

        Map<Long, Integer> participantIds = polisIds(Participants.externalIds(handle, conversationId));

        List<Statements.Recorded> statements = Statements.recorded(handle, conversationId);
        Map<Long, String> statementExternal = new LinkedHashMap<>();
        statements.forEach(s -> statementExternal.put(s.id(), s.externalId()));
        Map<Long, Integer> statementIds = polisIds(statementExternal);
        List<Comment> comments = new ArrayList<>(statements.size());
        for (Statements.Recorded s : statements) {
            OptionalInt author = s.authorParticipantId() == null
                    ? OptionalInt.empty()
                    : OptionalInt.of(participantIds.get(s.authorParticipantId()));
            comments.add(new Comment(
                    statementIds.get(s.id()), s.createdAtMillis(), author, moderation(s), s.seed(), s.text()));
        }

        // Ordered as current_vote is derived: by time, and among equal times by the order of recording.
        List<VoteEvent> votes = new ArrayList<>();
        Votes.history(
                handle,
                conversationId,
                (participant, statement, value, at) -> votes.add(new VoteEvent(
                        at, statementIds.get(statement), participantIds.get(participant), (short) value)));

        List<String> dimensions = conversation.cohorts().stream()
                .map(Conversation.CohortDimension::name)
                .toList();
        Map<Long, Map<Long, String>> answers = Participants.cohortAnswers(handle, conversationId);
        List<Voter> participants = new ArrayList<>(participantIds.size());
        participantIds.forEach((id, polisId) -> {
            Map<Long, String> byDimension = answers.getOrDefault(id, Map.of());
            Map<String, String> named = new LinkedHashMap<>();
            for (Conversation.CohortDimension d : conversation.cohorts()) {
                String value = byDimension.get(d.id());
                if (value != null) {
                    named.put(d.name(), value);
                }
            }
            participants.add(new Voter(polisId, named));
        });

        return new PolisExport(summary, comments, votes, VoteSource.HISTORY, dimensions, participants);
    }

    /** The title and description in English, else Japanese, else Korean; empty if none was written. */
    private static Summary summary(Conversation c) {
        for (Language lang : List.of(Language.EN, Language.JA, Language.KO)) {
            Conversation.Text text = c.texts().get(lang);
            if (text != null) {
                return new Summary(text.title(), text.description());
            }
        }
        return Summary.EMPTY;
    }

    /** Pol.is integer ids for database rows: numeric external ids kept, the rest numbered after them. */
    static Map<Long, Integer> polisIds(Map<Long, String> externalIds) {
        Map<Long, Integer> ids = new HashMap<>(externalIds.size() * 2);
        Set<Integer> taken = new HashSet<>();
        for (var e : externalIds.entrySet()) {
            Integer numeric = numeric(e.getValue());
            if (numeric != null && taken.add(numeric)) {
                ids.put(e.getKey(), numeric);
            }
        }
        int next = taken.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (Long id : externalIds.keySet()) {
            if (!ids.containsKey(id)) {
                ids.put(id, next++);
            }
        }
        return ids;
    }

    private static Integer numeric(String externalId) {
        if (externalId == null
                || externalId.isEmpty()
                || externalId.length() > 9
                || !externalId.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(externalId);
    }

    /** Our state as Pol.is's column; an accepted statement no moderator decided on is Pol.is's "unmoderated". */
    private static Moderation moderation(Statements.Recorded s) {
        return switch (s.moderationState()) {
            case "accepted" -> s.moderated() ? Moderation.ACCEPTED : Moderation.UNMODERATED;
            case "rejected" -> Moderation.REJECTED;
            default -> Moderation.UNMODERATED;
        };
    }
}
