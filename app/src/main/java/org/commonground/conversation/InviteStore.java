package org.commonground.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.web.Secrets;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Invite links: a random code that lets people join a conversation, optionally fixing their
 * cohort values (a link sent to Korean journalists fixes country=KR, role=journalist) and limiting
 * how many may use it. The join feature redeems codes with {@link #redeem}, inside its own
 * transaction, so counting a use and creating the participant commit or fail together.
 */
public final class InviteStore {
    public static final int LABEL_MAX = 100;
    public static final int MAX_USES_LIMIT = 1_000_000;

    private final Jdbi jdbi;

    public InviteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An invite; {@code cohort} maps dimension names to the values the invite fixes. */
    public record Invite(long id, long conversationId, String code, String label, Integer maxUses, int uses,
                         Map<String, String> cohort, Instant createdAt, Instant revokedAt) {
        public boolean usable() {
            return revokedAt == null && (maxUses == null || uses < maxUses);
        }
    }

    /** A counted use of an invite: the conversation it admits to and the cohort values it fixes, by dimension id. */
    public record Redemption(long inviteId, long conversationId, Map<Long, String> cohortByDimensionId) {}

    record InviteRow(long id, long conversationId, String code, String label, Integer maxUses, int uses,
                     Instant createdAt, Instant revokedAt) {}

    record CohortRow(long inviteId, long dimensionId, String name, String value) {}

    interface Sql {
        @SqlQuery("SELECT state FROM conversation WHERE id = :id FOR SHARE")
        Optional<String> lockState(@Bind("id") long id);

        @SqlUpdate("INSERT INTO invite (conversation_id, code, label, max_uses) VALUES (:conversation, :code, :label, :maxUses)")
        @GetGeneratedKeys("id")
        long insert(@Bind("conversation") long conversation, @Bind("code") String code, @Bind("label") String label,
                    @Bind("maxUses") Integer maxUses);

        @SqlUpdate("INSERT INTO invite_cohort (invite_id, dimension_id, value) VALUES (:invite, :dimension, :value)")
        void insertCohort(@Bind("invite") long invite, @Bind("dimension") long dimension, @Bind("value") String value);

        @SqlQuery("""
            SELECT id, conversation_id, code, label, max_uses, uses, created_at, revoked_at FROM invite
            WHERE conversation_id = :conversation ORDER BY id""")
        @RegisterConstructorMapper(InviteRow.class)
        List<InviteRow> of(@Bind("conversation") long conversation);

        @SqlQuery("SELECT id, conversation_id, code, label, max_uses, uses, created_at, revoked_at FROM invite WHERE code = :code")
        @RegisterConstructorMapper(InviteRow.class)
        Optional<InviteRow> byCode(@Bind("code") String code);

        @SqlQuery("""
            SELECT ic.invite_id, ic.dimension_id, d.name, ic.value FROM invite_cohort ic
            JOIN cohort_dimension d ON d.id = ic.dimension_id
            JOIN invite i ON i.id = ic.invite_id
            WHERE i.conversation_id = :conversation ORDER BY d.position""")
        @RegisterConstructorMapper(CohortRow.class)
        List<CohortRow> cohortsOf(@Bind("conversation") long conversation);

        @SqlUpdate("""
            UPDATE invite SET revoked_at = coalesce(revoked_at, now())
            WHERE id = :id AND conversation_id = :conversation""")
        int revoke(@Bind("id") long id, @Bind("conversation") long conversation);

        // Row lock + re-check under READ COMMITTED: concurrent joins cannot push uses past max_uses.
        @SqlQuery("""
            UPDATE invite SET uses = uses + 1
            WHERE code = :code AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)
            RETURNING id""")
        Optional<Long> countUse(@Bind("code") String code);
    }

    /**
     * Creates an invite. Every fixed value must be an allowed value of one of the conversation's
     * dimensions, and every dimension that is fixed by invite must be given one (422 otherwise).
     */
    public Invite create(long conversationId, String rawLabel, Integer maxUses, Map<String, String> cohort) {
        List<FieldError> errors = new ArrayList<>();
        String label = InputText.clean(rawLabel, "label", 0, LABEL_MAX, false, errors);
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES_LIMIT)) {
            errors.add(new FieldError("maxUses", "input.number.range", 1, MAX_USES_LIMIT));
        }
        Map<String, String> fixed = cohort == null ? Map.of() : cohort;
        return jdbi.inTransaction(h -> {
            Sql sql = h.attach(Sql.class);
            ConversationState state = sql.lockState(conversationId).map(ConversationState::fromCode)
                    .orElseThrow(() -> NotFound.of("conversation", conversationId));
            Conversation conversation = ConversationStore.load(h, conversationId).orElseThrow();
            Map<Long, String> byDimension = validCohort(conversation, fixed, errors);
            if (!errors.isEmpty()) {
                throw Invalid.fields(errors);
            }
            state.requireNotArchived(conversationId);
            long id = sql.insert(conversationId, Secrets.random(12), label, maxUses);
            byDimension.forEach((dimension, value) -> sql.insertCohort(id, dimension, value));
            return invitesOf(h, conversationId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        });
    }

    private static Map<Long, String> validCohort(Conversation conversation, Map<String, String> fixed, List<FieldError> errors) {
        Map<Long, String> byDimension = new LinkedHashMap<>();
        fixed.forEach((name, value) -> {
            Optional<Conversation.CohortDimension> dimension = conversation.cohort(name);
            if (dimension.isEmpty()) {
                errors.add(new FieldError("cohort." + name, "invite.cohort.unknown-dimension", name));
            } else if (value == null || !dimension.get().values().contains(value)) {
                errors.add(new FieldError("cohort." + name, "invite.cohort.unknown-value", String.valueOf(value),
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

    public List<Invite> of(long conversationId) {
        return jdbi.withHandle(h -> invitesOf(h, conversationId));
    }

    /** The invite with this code, if any (for a join page to show what the link fixes). */
    public Optional<Invite> byCode(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.attach(Sql.class).byCode(code)
                .flatMap(row -> invitesOf(h, row.conversationId()).stream().filter(i -> i.id() == row.id()).findFirst()));
    }

    /** Revokes an invite of this conversation (again is harmless); 404 if the conversation has no such invite. */
    public void revoke(long conversationId, long inviteId) {
        if (jdbi.withExtension(Sql.class, sql -> sql.revoke(inviteId, conversationId)) == 0) {
            throw NotFound.of("invite", inviteId);
        }
    }

    /**
     * Counts one use of the invite inside the caller's transaction and tells what it fixes. Unknown
     * codes are 404; revoked and used-up invites are 410 (the link existed but no longer admits).
     */
    public Redemption redeem(Handle h, String code) {
        Sql sql = h.attach(Sql.class);
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
        sql.cohortsOf(row.conversationId()).stream().filter(c -> c.inviteId() == row.id())
                .forEach(c -> cohort.put(c.dimensionId(), c.value()));
        return new Redemption(row.id(), row.conversationId(), Map.copyOf(cohort));
    }

    private static List<Invite> invitesOf(Handle h, long conversationId) {
        Sql sql = h.attach(Sql.class);
        Map<Long, Map<String, String>> cohorts = new LinkedHashMap<>();
        for (CohortRow c : sql.cohortsOf(conversationId)) {
            cohorts.computeIfAbsent(c.inviteId(), k -> new LinkedHashMap<>()).put(c.name(), c.value());
        }
        return sql.of(conversationId).stream()
                .map(r -> new Invite(r.id(), r.conversationId(), r.code(), r.label(), r.maxUses(), r.uses(),
                        Map.copyOf(cohorts.getOrDefault(r.id(), Map.of())), r.createdAt(), r.revokedAt()))
                .toList();
    }
}
