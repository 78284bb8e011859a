package org.commonground.participation;

import org.commonground.conversation.ConversationRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.web.Secrets;
import org.commonground.conversation.InviteStore;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Joining a conversation: a new pseudonymous participant with its cohort values, declared by the
 * person or fixed by the invite link they came through. Nothing personal is stored; the token is
 * shown once and kept only as its SHA-256.
 */
public final class Join {
    static final int MAX_EXTERNAL_ID_LENGTH = 128;

    private final Jdbi jdbi;
    private final InviteStore invites;

    public Join(Jdbi jdbi, InviteStore invites) {
        this.jdbi = jdbi;
        this.invites = invites;
    }

    /**
     * What a joining participant sends.
     *
     * @param cohorts     self-declared values, by dimension name (for example {@code country: "JP"})
     * @param invite      the code of the invite link used, if any; its fixed values cannot be overridden
     *                    and it is needed for dimensions that are fixed by invite
     * @param externalId  an id given by an embedding site (like Pol.is XIDs), unique in the conversation
     * @param language    preferred language, {@code ja}, {@code ko} or {@code en}; defaults to the request's
     */
    public record JoinRequest(Map<String, String> cohorts, String invite, String externalId, String language) {}

    /** A new participant: the token is shown only here. */
    public record Joined(long participantId, long conversationId, String token, String language,
                         Map<String, String> cohorts) {}

    /** A dimension; {@code byInvite}: its value only ever comes from an invite link (stored as {@code required}). */
    private record AskedDimension(long id, String name, boolean byInvite, List<String> values) {}

    /** Adds a participant to an open conversation, all or nothing. */
    public Joined join(long conversationId, JoinRequest request, Language requestLanguage) {
        String language = language(request.language(), requestLanguage);
        String externalId = externalId(request.externalId());
        Map<String, String> declared = request.cohorts() == null ? Map.of() : request.cohorts();
        return jdbi.inTransaction(h -> {
            ConversationRules.load(h, conversationId).requireOpen();
            List<AskedDimension> dimensions = dimensions(h, conversationId);
            // The use is counted first, atomically (two joins racing for the last use cannot both
            // get it); any refusal below rolls the count back with everything else.
            Optional<InviteStore.Redemption> invite = Optional.ofNullable(request.invite())
                    .map(String::strip).filter(c -> !c.isEmpty())
                    .map(code -> invites.redeem(h, code));
            if (invite.isPresent() && invite.get().conversationId() != conversationId) {
                throw new NotFound("invite-not-found", "invite.not-found");
            }
            Map<Long, String> fixed = invite.map(InviteStore.Redemption::cohortByDimensionId).orElse(Map.of());
            Map<Long, String> values = cohortValues(dimensions, declared, fixed);
            String token = Participants.TOKEN_PREFIX + Secrets.token();
            long id = h.createUpdate("""
                    INSERT INTO participant (conversation_id, token_hash, external_id, language, invite_id)
                    VALUES (:c, :hash, :externalId, :language, :invite)
                    ON CONFLICT (conversation_id, external_id) DO NOTHING
                    RETURNING id""")
                    .bind("c", conversationId).bind("hash", Secrets.hash(token)).bind("externalId", externalId)
                    .bind("language", language).bind("invite", invite.map(InviteStore.Redemption::inviteId).orElse(null))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne()
                    .orElseThrow(() -> new Conflict("external-id-taken", "problem.external-id-taken", externalId));
            var insert = h.prepareBatch("INSERT INTO participant_cohort (participant_id, dimension_id, value) VALUES (:p, :d, :v)");
            values.forEach((d, v) -> insert.bind("p", id).bind("d", d).bind("v", v).add());
            if (!values.isEmpty()) {
                insert.execute();
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (AskedDimension d : dimensions) {
                if (values.containsKey(d.id())) {
                    byName.put(d.name(), values.get(d.id()));
                }
            }
            return new Joined(id, conversationId, token, language, byName);
        });
    }

    private static String language(String declared, Language requestLanguage) {
        if (declared == null) {
            return requestLanguage.code();
        }
        return Language.parse(declared).filter(l -> l.code().equals(declared.strip().toLowerCase(java.util.Locale.ROOT)))
                .map(Language::code)
                .orElseThrow(() -> Invalid.field("language", "participant.language.invalid"));
    }

    private static String externalId(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip();
        if (id.isEmpty() || id.length() > MAX_EXTERNAL_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw Invalid.field("externalId", "participant.external-id.invalid", MAX_EXTERNAL_ID_LENGTH);
        }
        return id;
    }

    private static List<AskedDimension> dimensions(Handle h, long conversationId) {
        return h.createQuery("""
                SELECT d.id, d.name, d.required,
                       coalesce(array_agg(v.value ORDER BY v.position) FILTER (WHERE v.value IS NOT NULL), '{}') AS vals
                FROM cohort_dimension d LEFT JOIN cohort_value v ON v.dimension_id = d.id
                WHERE d.conversation_id = :c
                GROUP BY d.id ORDER BY d.position, d.id""")
                .bind("c", conversationId)
                .map((rs, ctx) -> new AskedDimension(rs.getLong("id"), rs.getString("name"), rs.getBoolean("required"),
                        List.of((String[]) rs.getArray("vals").getArray())))
                .list();
    }

    /**
     * The participant's value per dimension id: the invite's fixed values, then the declared ones.
     * A dimension fixed by invite cannot be self-declared, so joining without an invite that sets
     * it is refused. Declaring another value than the invite's is refused rather than silently
     * dropped, so a participant is never told they are in a cohort they did not end up in.
     * Self-declared dimensions are optional.
     */
    private static Map<Long, String> cohortValues(List<AskedDimension> dimensions, Map<String, String> declared,
                                                  Map<Long, String> fixed) {
        List<FieldError> errors = new ArrayList<>();
        Map<Long, String> values = new LinkedHashMap<>(fixed);
        for (String name : declared.keySet()) {
            if (dimensions.stream().noneMatch(d -> d.name().equals(name))) {
                errors.add(new FieldError("cohorts." + name, "cohort.dimension.unknown", name));
            }
        }
        for (AskedDimension d : dimensions) {
            String value = declared.get(d.name());
            String fixedValue = fixed.get(d.id());
            String field = "cohorts." + d.name();
            if (fixedValue != null) {
                if (value != null && !fixedValue.equals(value)) {
                    errors.add(new FieldError(field, "cohort.value.fixed-by-invite", d.name(), fixedValue));
                }
            } else if (d.byInvite()) {
                errors.add(new FieldError(field, "cohort.value.invite-only", d.name()));
            } else if (value != null) {
                if (d.values().contains(value)) {
                    values.put(d.id(), value);
                } else {
                    errors.add(new FieldError(field, "cohort.value.invalid", d.name(), String.join(", ", d.values())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return values;
    }
}
