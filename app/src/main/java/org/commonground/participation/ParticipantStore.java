package org.commonground.participation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.CohortUse;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.Invites;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Participants and their cohort values ({@code participant}, {@code participant_cohort}). The
 * dimensions themselves are the conversation feature's; values are stored by dimension id.
 */
final class ParticipantStore implements JoinLog {
    private final Jdbi jdbi;

    ParticipantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A participant just admitted: its id, its pseudonym and cohort values by dimension name, in declared order. */
    record Admitted(long id, String publicId, Map<String, String> cohorts) {}

    /** Decides a joining participant's cohort values (by dimension id) from the dimensions and an invite's fixed values. */
    interface CohortChoice {
        Map<Long, String> values(List<Conversation.CohortDimension> dimensions, Map<Long, String> fixed);
    }

    /**
     * Admits a participant to an open conversation, all or nothing: the invite's use is counted
     * first, atomically (two joins racing for the last use cannot both get it); any refusal after
     * it rolls the count back with everything else.
     *
     * @param inviteCode the invite code used (stripped), or null
     */
    Admitted admit(
            long conversationId,
            String inviteCode,
            Invites invites,
            CohortChoice choice,
            String tokenHash,
            String externalId,
            String language) {
        return jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireOpen();
            List<Conversation.CohortDimension> dimensions = ConversationRules.cohorts(h, conversationId);
            Optional<Invites.Redemption> invite =
                    Optional.ofNullable(inviteCode).map(code -> invites.redeem(h, code));
            if (invite.isPresent() && invite.get().conversationId() != conversationId) {
                throw new NotFound("invite-not-found", "invite.not-found");
            }
            Map<Long, String> values = choice.values(
                    dimensions,
                    invite.map(Invites.Redemption::cohortByDimensionId).orElse(Map.of()));
            Inserted inserted = insert(
                            h,
                            conversationId,
                            tokenHash,
                            externalId,
                            language,
                            invite.map(Invites.Redemption::inviteId).orElse(null))
                    .orElseThrow(() -> new Conflict("external-id-taken", "problem.external-id-taken", externalId));
            long id = inserted.id();
            insertCohorts(h, id, values);
            Map<String, String> byName = new LinkedHashMap<>();
            for (Conversation.CohortDimension d : dimensions) {
                if (values.containsKey(d.id())) {
                    byName.put(d.name(), values.get(d.id()));
                }
            }
            return new Admitted(id, inserted.publicId(), byName);
        });
    }

    /** Whether the conversation has participants (answers the conversation feature's {@link CohortUse}). */
    static boolean any(Handle h, long conversationId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM participant WHERE conversation_id = :c)")
                .bind("c", conversationId)
                .mapTo(Boolean.class)
                .one();
    }

    /** When the participant joined and whether through an invite link. */
    Participants.Joining joining(Participant p) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT created_at, invite_id IS NOT NULL FROM participant WHERE id = :p")
                .bind("p", p.id())
                .map((rs, ctx) -> new Participants.Joining(
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getBoolean(2), cohortsOf(h, p)))
                .one());
    }

    /** Every vote the participant cast, changes included, oldest first. */
    List<Participants.PastVote> voteHistory(Participant p) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT statement_id, value, cast_at FROM vote_event
                        WHERE participant_id = :p ORDER BY cast_at, id""")
                .bind("p", p.id())
                .map((rs, ctx) -> new Participants.PastVote(
                        rs.getLong(1),
                        Vote.ofStored(rs.getShort(2)),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    /** Of these statements, the ones someone other than the participant currently has a vote on. */
    static java.util.Set<Long> votedOnByOthers(Handle h, long participantId, java.util.Collection<Long> statementIds) {
        if (statementIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(h.createQuery("""
                        SELECT DISTINCT statement_id FROM current_vote
                        WHERE statement_id = ANY(:s) AND participant_id <> :p""")
                .bind("s", statementIds.toArray(Long[]::new))
                .bind("p", participantId)
                .mapTo(Long.class)
                .list());
    }

    /**
     * Deletes the participant with their cohort answers and every vote they cast (vote events and
     * current votes, by cascade), in the caller's transaction. Their statements must have been
     * deleted or left without author first.
     */
    static void erase(Handle h, long participantId) {
        h.createUpdate("DELETE FROM participant WHERE id = :p")
                .bind("p", participantId)
                .execute();
    }

    /** The vote events the participant cast (changes of vote included), in the caller's transaction. */
    static Map<Long, String> externalIds(Handle h, long conversationId) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT id, external_id FROM participant WHERE conversation_id = :c ORDER BY id")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), java.util.Optional.ofNullable(rs.getString(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue().orElse(null)));
        return out;
    }

    static Map<Long, Map<Long, String>> cohortAnswers(Handle h, long conversationId) {
        Map<Long, Map<Long, String>> out = new java.util.LinkedHashMap<>();
        h.createQuery("""
                        SELECT pc.participant_id, pc.dimension_id, pc.value
                        FROM participant_cohort pc JOIN participant p ON p.id = pc.participant_id
                        WHERE p.conversation_id = :c ORDER BY pc.participant_id, pc.dimension_id""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> out.computeIfAbsent((Long) row[0], k -> new java.util.LinkedHashMap<>())
                        .put((Long) row[1], (String) row[2]));
        return out;
    }

    static int voteEvents(Handle h, long participantId) {
        return h.createQuery("SELECT count(*) FROM vote_event WHERE participant_id = :p")
                .bind("p", participantId)
                .mapTo(Integer.class)
                .one();
    }

    /** Every participant's pseudonym in the conversation, by participant id. */
    Map<Long, String> publicIds(long conversationId) {
        Map<Long, String> ids = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, public_id FROM participant WHERE conversation_id = :c")
                .bind("c", conversationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue())));
        return ids;
    }

    Optional<Participant> byToken(String secret) {
        return jdbi.withHandle(h -> byToken(h, secret));
    }

    Optional<Participant> byId(long participantId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT id, conversation_id, language, public_id FROM participant WHERE id = :id")
                        .bind("id", participantId)
                        .map((rs, c) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                        .findOne());
    }

    /** Gives the participant a new token (only its hash stored): the old one stops working. */
    void replaceToken(long participantId, String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE participant SET token_hash = :hash WHERE id = :id")
                .bind("hash", tokenHash)
                .bind("id", participantId)
                .execute());
    }

    /** The conversation's rules, or 404 (a participant's request to an unknown conversation). */
    ConversationRules rules(long conversationId) {
        return jdbi.withHandle(h -> ConversationRules.load(h, conversationId));
    }

    Map<String, String> cohortsOf(Participant p) {
        return jdbi.withHandle(h -> cohortsOf(h, p));
    }

    /** Per participant of the conversation among {@code ids}, its cohort value by dimension name in declared order. */
    Map<Long, Map<String, String>> cohortsOf(long conversationId, java.util.Collection<Long> ids) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> {
            Map<Long, Map<Long, String>> byParticipant = new HashMap<>();
            h.createQuery("""
                    SELECT pc.participant_id, pc.dimension_id, pc.value FROM participant_cohort pc
                    JOIN participant p ON p.id = pc.participant_id
                    WHERE pc.participant_id = ANY(:ids) AND p.conversation_id = :c""")
                    .bind("ids", ids.toArray(Long[]::new))
                    .bind("c", conversationId)
                    .map((rs, c) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                    .forEach(r -> byParticipant
                            .computeIfAbsent((Long) r[0], k -> new HashMap<>())
                            .put((Long) r[1], (String) r[2]));
            List<Conversation.CohortDimension> dimensions = ConversationRules.cohorts(h, conversationId);
            byParticipant.forEach((participant, values) -> {
                Map<String, String> cohorts = new LinkedHashMap<>();
                for (Conversation.CohortDimension d : dimensions) {
                    if (values.containsKey(d.id())) {
                        cohorts.put(d.name(), values.get(d.id()));
                    }
                }
                out.put(participant, cohorts);
            });
        });
        return out;
    }

    private static Optional<Participant> byToken(Handle h, String secret) {
        return h.createQuery(
                        "SELECT id, conversation_id, language, public_id FROM participant WHERE token_hash = :hash")
                .bind("hash", Secrets.hash(secret))
                .map((rs, c) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .findOne();
    }

    /** The participant's cohort value per dimension name, in the order the organizer declared the dimensions. */
    private static Map<String, String> cohortsOf(Handle h, Participant p) {
        Map<Long, String> byDimension = new HashMap<>();
        h.createQuery("SELECT dimension_id, value FROM participant_cohort WHERE participant_id = :p")
                .bind("p", p.id())
                .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> byDimension.put(e.getKey(), e.getValue()));
        Map<String, String> cohorts = new LinkedHashMap<>();
        for (Conversation.CohortDimension d : ConversationRules.cohorts(h, p.conversationId())) {
            if (byDimension.containsKey(d.id())) {
                cohorts.put(d.name(), byDimension.get(d.id()));
            }
        }
        return cohorts;
    }

    private record Inserted(long id, String publicId) {}

    /** A new participant, or empty when the external id is taken in the conversation. */
    private static Optional<Inserted> insert(
            Handle h, long conversationId, String tokenHash, String externalId, String language, Long inviteId) {
        return h.createUpdate("""
                INSERT INTO participant (conversation_id, token_hash, external_id, language, invite_id)
                VALUES (:c, :hash, :externalId, :language, :invite)
                ON CONFLICT (conversation_id, external_id) DO NOTHING
                RETURNING id, public_id""")
                .bind("c", conversationId)
                .bind("hash", tokenHash)
                .bind("externalId", externalId)
                .bind("language", language)
                .bind("invite", inviteId)
                .executeAndReturnGeneratedKeys("id", "public_id")
                .map((rs, ctx) -> new Inserted(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /** The participant's cohort values, by dimension id. */
    private static void insertCohorts(Handle h, long participantId, Map<Long, String> values) {
        if (values.isEmpty()) {
            return;
        }
        var insert = h.prepareBatch(
                "INSERT INTO participant_cohort (participant_id, dimension_id, value) VALUES (:p, :d, :v)");
        values.forEach((d, v) ->
                insert.bind("p", participantId).bind("d", d).bind("v", v).add());
        insert.execute();
    }

    static void languagesByCohort(Handle h, long dimensionId, Map<String, Language> byValue, Language otherwise) {
        var update = h.prepareBatch("""
                UPDATE participant p SET language = :lang FROM participant_cohort pc
                WHERE pc.participant_id = p.id AND pc.dimension_id = :d AND pc.value = :value""");
        byValue.forEach((value, lang) -> update.bind("lang", lang.code())
                .bind("d", dimensionId)
                .bind("value", value)
                .add());
        update.execute();
        h.createUpdate("""
                UPDATE participant p SET language = :lang FROM participant_cohort pc
                WHERE pc.participant_id = p.id AND pc.dimension_id = :d AND pc.value NOT IN (<values>)""")
                .bind("lang", otherwise.code())
                .bind("d", dimensionId)
                .bindList("values", List.copyOf(byValue.keySet()))
                .execute();
    }

    /** Streams in one transaction: PostgreSQL only honours the fetch size inside one. */
    @Override
    public void joins(long conversationId, JoinSink sink) {
        jdbi.useTransaction(h -> h.createQuery("""
                        SELECT id, created_at, invite_id FROM participant
                        WHERE conversation_id = :c ORDER BY created_at, id""")
                .bind("c", conversationId)
                .setFetchSize(20_000)
                .scanResultSet((rows, ctx) -> {
                    java.sql.ResultSet rs = rows.get();
                    while (rs.next()) {
                        sink.joined(rs.getLong(1), rs.getTimestamp(2).getTime(), rs.getLong(3));
                    }
                    return null;
                }));
    }

    @Override
    public java.util.Set<Long> ofConversation(long conversationId, java.util.Collection<Long> participantIds) {
        if (participantIds.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbi.withHandle(h -> new java.util.HashSet<>(h.createQuery(
                        "SELECT id FROM participant WHERE conversation_id = :c AND id = ANY(:ids)")
                .bind("c", conversationId)
                .bind("ids", participantIds.stream().mapToLong(Long::longValue).toArray())
                .mapTo(Long.class)
                .list()));
    }
}
