package org.commonground.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Invite links: a random code that lets people join a conversation, optionally fixing their
 * cohort values (a link sent to Korean journalists fixes country=KR, role=journalist) and limiting
 * how many may use it. The join feature redeems codes with {@link #redeem}, inside its own
 * transaction, so counting a use and creating the participant commit or fail together.
 */
final class InviteStore implements Invites {

    private final Jdbi jdbi;

    public InviteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record InviteRow(
            long id,
            long conversationId,
            String code,
            String label,
            Integer maxUses,
            int uses,
            Instant createdAt,
            Instant revokedAt) {}

    record CohortRow(long inviteId, long dimensionId, String name, String value) {}

    /** The store's statements on one handle (so redeeming runs in the joining transaction). */
    private record InviteSql(Handle h) {
        private static final String COLUMNS =
                "id, conversation_id, code, label, max_uses, uses, created_at, revoked_at";

        Optional<String> lockState(long id) {
            return h.createQuery("SELECT state FROM conversation WHERE id = :id FOR SHARE")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne();
        }

        long insert(long conversation, String code, String label, Integer maxUses) {
            return h.createUpdate(
                            "INSERT INTO invite (conversation_id, code, label, max_uses) VALUES (:conversation, :code, :label, :maxUses)")
                    .bind("conversation", conversation)
                    .bind("code", code)
                    .bind("label", label)
                    .bind("maxUses", maxUses)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        }

        void insertCohort(long invite, long dimension, String value) {
            h.createUpdate(
                            "INSERT INTO invite_cohort (invite_id, dimension_id, value) VALUES (:invite, :dimension, :value)")
                    .bind("invite", invite)
                    .bind("dimension", dimension)
                    .bind("value", value)
                    .execute();
        }

        List<InviteRow> of(long conversation) {
            return h.createQuery("SELECT " + COLUMNS + " FROM invite WHERE conversation_id = :conversation ORDER BY id")
                    .bind("conversation", conversation)
                    .map(ConstructorMapper.of(InviteRow.class))
                    .list();
        }

        Optional<InviteRow> byCode(String code) {
            return h.createQuery("SELECT " + COLUMNS + " FROM invite WHERE code = :code")
                    .bind("code", code)
                    .map(ConstructorMapper.of(InviteRow.class))
                    .findOne();
        }

        List<CohortRow> cohortsOf(long conversation) {
            return h.createQuery("""
                    SELECT ic.invite_id, ic.dimension_id, d.name, ic.value FROM invite_cohort ic
                    JOIN cohort_dimension d ON d.id = ic.dimension_id
                    JOIN invite i ON i.id = ic.invite_id
                    WHERE i.conversation_id = :conversation ORDER BY d.position""")
                    .bind("conversation", conversation)
                    .map(ConstructorMapper.of(CohortRow.class))
                    .list();
        }

        int revoke(long id, long conversation) {
            return h.createUpdate("""
                    UPDATE invite SET revoked_at = coalesce(revoked_at, now())
                    WHERE id = :id AND conversation_id = :conversation""")
                    .bind("id", id)
                    .bind("conversation", conversation)
                    .execute();
        }

        // Row lock + re-check under READ COMMITTED: concurrent joins cannot push uses past max_uses.
        Optional<Long> countUse(String code) {
            return h.createQuery("""
                    UPDATE invite SET uses = uses + 1
                    WHERE code = :code AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)
                    RETURNING id""").bind("code", code).mapTo(Long.class).findOne();
        }
    }

    @Override
    public Invite create(long conversationId, String rawLabel, Integer maxUses, Map<String, String> cohort) {
        List<FieldError> errors = new ArrayList<>();
        String label = InputText.clean(rawLabel, "label", 0, LABEL_MAX, false, errors);
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES_LIMIT)) {
            errors.add(new FieldError("maxUses", "input.number.range", 1, MAX_USES_LIMIT));
        }
        Map<String, String> fixed = cohort == null ? Map.of() : cohort;
        return jdbi.inTransaction(h -> {
            InviteSql sql = new InviteSql(h);
            ConversationState state = sql.lockState(conversationId)
                    .map(ConversationState::fromCode)
                    .orElseThrow(() -> NotFound.of("conversation", conversationId));
            Conversation conversation =
                    ConversationStore.load(h, conversationId).orElseThrow();
            Map<Long, String> byDimension = validCohort(conversation, fixed, errors);
            if (!errors.isEmpty()) {
                throw Invalid.fields(errors);
            }
            state.requireNotArchived(conversationId);
            long id = sql.insert(conversationId, Secrets.random(12), label, maxUses);
            byDimension.forEach((dimension, value) -> sql.insertCohort(id, dimension, value));
            return invitesOf(h, conversationId).stream()
                    .filter(i -> i.id() == id)
                    .findFirst()
                    .orElseThrow();
        });
    }

    private static Map<Long, String> validCohort(
            Conversation conversation, Map<String, String> fixed, List<FieldError> errors) {
        Map<Long, String> byDimension = new LinkedHashMap<>();
        fixed.forEach((name, value) -> {
            Optional<Conversation.CohortDimension> dimension = conversation.cohort(name);
            if (dimension.isEmpty()) {
                errors.add(new FieldError("cohort." + name, "invite.cohort.unknown-dimension", name));
            } else if (value == null || !dimension.get().values().contains(value)) {
                errors.add(new FieldError(
                        "cohort." + name,
                        "invite.cohort.unknown-value",
                        String.valueOf(value),
                        String.join(", ", dimension.get().values())));
            } else {
                byDimension.put(dimension.get().id(), value);
            }
        });
        for (Conversation.CohortDimension d : conversation.cohorts()) {
            if (d.fixedByInvite() && !fixed.containsKey(d.name())) {
                errors.add(new FieldError("cohort." + d.name(), "invite.cohort.required", d.name()));
            }
        }
        return byDimension;
    }

    @Override
    public List<Invite> of(long conversationId) {
        return jdbi.withHandle(h -> invitesOf(h, conversationId));
    }

    @Override
    public Optional<Invite> byCode(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> new InviteSql(h)
                .byCode(code)
                .flatMap(row -> invitesOf(h, row.conversationId()).stream()
                        .filter(i -> i.id() == row.id())
                        .findFirst()));
    }

    @Override
    public void revoke(long conversationId, long inviteId) {
        if (jdbi.withHandle(h -> new InviteSql(h).revoke(inviteId, conversationId)) == 0) {
            throw NotFound.of("invite", inviteId);
        }
    }

    @Override
    public Redemption redeem(Handle h, String code) {
        InviteSql sql = new InviteSql(h);
        Optional<Long> counted = code == null ? Optional.empty() : sql.countUse(code);
        if (counted.isEmpty()) {
            InviteRow row = (code == null ? Optional.<InviteRow>empty() : sql.byCode(code))
                    .orElseThrow(() -> new NotFound("invite-not-found", "invite.not-found"));
            if (row.revokedAt() != null) {
                throw new Conflict(410, "invite-revoked", "invite.revoked");
            }
            throw new Conflict("invite-exhausted", "invite.exhausted", row.maxUses());
        }
        InviteRow row = sql.byCode(code).orElseThrow();
        Map<Long, String> cohort = new LinkedHashMap<>();
        sql.cohortsOf(row.conversationId()).stream()
                .filter(c -> c.inviteId() == row.id())
                .forEach(c -> cohort.put(c.dimensionId(), c.value()));
        return new Redemption(row.id(), row.conversationId(), Map.copyOf(cohort));
    }

    private static List<Invite> invitesOf(Handle h, long conversationId) {
        InviteSql sql = new InviteSql(h);
        Map<Long, Map<String, String>> cohorts = new LinkedHashMap<>();
        for (CohortRow c : sql.cohortsOf(conversationId)) {
            cohorts.computeIfAbsent(c.inviteId(), k -> new LinkedHashMap<>()).put(c.name(), c.value());
        }
        return sql.of(conversationId).stream()
                .map(r -> new Invite(
                        r.id(),
                        r.conversationId(),
                        r.code(),
                        r.label(),
                        r.maxUses(),
                        r.uses(),
                        Map.copyOf(cohorts.getOrDefault(r.id(), Map.of())),
                        r.createdAt(),
                        r.revokedAt()))
                .toList();
    }
}
