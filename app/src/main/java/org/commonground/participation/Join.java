package org.commonground.participation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Invites;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * Joining a conversation: a new pseudonymous participant with its cohort values, declared by the
 * person or fixed by the invite link they came through. Nothing personal is stored; the token is
 * shown once and kept only as its SHA-256.
 */
public final class Join {
    static final int MAX_EXTERNAL_ID_LENGTH = 128;

    private final ParticipantStore store;
    private final Invites invites;

    public Join(Jdbi jdbi, Invites invites) {
        this.store = new ParticipantStore(jdbi);
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

    /**
     * A new participant: the token is shown only here.
     *
     * @param participantId the platform-wide database key, for the server's own use: not written in the answer
     * @param participant   the participant's pseudonym in this conversation, as public answers name them
     */
    public record Joined(
            @JsonIgnore long participantId,
            String participant,
            long conversationId,
            String token,
            String language,
            Map<String, String> cohorts) {}

    /** Adds a participant to an open conversation, all or nothing. */
    public Joined join(long conversationId, JoinRequest request, Language requestLanguage) {
        String language = language(request.language(), requestLanguage);
        String externalId = externalId(request.externalId());
        Map<String, String> declared = request.cohorts() == null ? Map.of() : request.cohorts();
        String invite = Optional.ofNullable(request.invite())
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .orElse(null);
        String token = Participants.TOKEN_PREFIX + Secrets.token();
        ParticipantStore.Admitted admitted = store.admit(
                conversationId,
                invite,
                invites,
                (dimensions, fixed) -> cohortValues(dimensions, declared, fixed),
                Secrets.hash(token),
                externalId,
                language);
        return new Joined(admitted.id(), admitted.publicId(), conversationId, token, language, admitted.cohorts());
    }

    /**
     * A returning participant of a dialogue joins its next round: the cohort answers they gave before
     * carry over, by dimension name, as far as the round still offers those values (an answer an
     * invite once fixed included: it was fixed for this person). Nothing is asked again.
     */
    public Joined rejoin(long conversationId, Map<String, String> earlier, Language language) {
        String token = Participants.TOKEN_PREFIX + Secrets.token();
        ParticipantStore.Admitted admitted = store.admit(
                conversationId,
                null,
                invites,
                (dimensions, fixed) -> {
                    Map<Long, String> values = new LinkedHashMap<>();
                    for (Conversation.CohortDimension d : dimensions) {
                        String value = earlier.get(d.name());
                        if (value != null && d.values().contains(value)) {
                            values.put(d.id(), value);
                        }
                    }
                    return values;
                },
                Secrets.hash(token),
                null,
                language.code());
        return new Joined(
                admitted.id(), admitted.publicId(), conversationId, token, language.code(), admitted.cohorts());
    }

    private static String language(String declared, Language requestLanguage) {
        if (declared == null) {
            return requestLanguage.code();
        }
        return Language.parse(declared)
                .filter(l -> l.code().equals(declared.strip().toLowerCase(java.util.Locale.ROOT)))
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

    /**
     * The participant's value per dimension id: the invite's fixed values, then the declared ones.
     * A dimension fixed by invite cannot be self-declared, so joining without an invite that sets
     * it is refused. Declaring another value than the invite's is refused rather than silently
     * dropped, so a participant is never told they are in a cohort they did not end up in.
     * Self-declared dimensions are optional.
     */
    private static Map<Long, String> cohortValues(
            List<Conversation.CohortDimension> dimensions, Map<String, String> declared, Map<Long, String> fixed) {
        List<FieldError> errors = new ArrayList<>();
        Map<Long, String> values = new LinkedHashMap<>(fixed);
        for (String name : declared.keySet()) {
            if (dimensions.stream().noneMatch(d -> d.name().equals(name))) {
                errors.add(new FieldError("cohorts." + name, "cohort.dimension.unknown", name));
            }
        }
        for (Conversation.CohortDimension d : dimensions) {
            String value = declared.get(d.name());
            String fixedValue = fixed.get(d.id());
            String field = "cohorts." + d.name();
            if (fixedValue != null) {
                if (value != null && !fixedValue.equals(value)) {
                    errors.add(new FieldError(field, "cohort.value.fixed-by-invite", d.name(), fixedValue));
                }
            } else if (d.fixedByInvite()) {
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
