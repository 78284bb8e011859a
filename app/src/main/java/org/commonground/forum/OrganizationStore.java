package org.commonground.forum;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The organizations of a forum, their capabilities and declared conflicts, and their delegates. */
final class OrganizationStore {
    static final Set<String> COUNTRIES = Set.of("US", "JP", "KR", "other");

    private final Jdbi jdbi;

    OrganizationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    private static final String COLUMNS = """
            o.id, o.forum_id, o.name_en, o.name_ja, o.name_ko, o.country, o.sectors, o.markets, o.size, o.approved,
            ARRAY(SELECT c.code FROM forum_organization_capability oc JOIN forum_capability c ON c.id = oc.capability_id
                   WHERE oc.organization_id = o.id ORDER BY c.code) AS capabilities""";

    private static final RowMapper<Organization> ORGANIZATION = (rs, ctx) -> new Organization(
            rs.getLong("id"),
            Map.of("en", rs.getString("name_en"), "ja", rs.getString("name_ja"), "ko", rs.getString("name_ko")),
            rs.getString("country"),
            List.of(strings(rs.getArray("sectors"))),
            List.of(strings(rs.getArray("capabilities"))),
            List.of(strings(rs.getArray("markets"))),
            rs.getInt("size"),
            rs.getBoolean("approved"));

    private static final RowMapper<Delegate> DELEGATE = (rs, ctx) -> new Delegate(
            rs.getLong("account_id"),
            rs.getLong("organization_id"),
            rs.getString("name"),
            rs.getString("org_name"),
            rs.getString("country"),
            rs.getBoolean("approved"),
            rs.getLong("availability"));

    /** Registers an organization; an organizer's is approved at once, a delegate's waits for an organizer. */
    long create(
            long forumId,
            NewOrganization input,
            boolean approved,
            List<String> sectorsKnown,
            List<String> capabilityCodes,
            List<String> marketsKnown) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> names = Texts.three(input.names(), "names", 200, errors);
        if (input.country() == null || !COUNTRIES.contains(input.country())) {
            errors.add(new FieldError("country", "forum.country.invalid"));
        }
        if (input.size() < 1 || input.size() > 5) {
            errors.add(new FieldError("size", "forum.size.invalid"));
        }
        List<String> sectors = orEmpty(input.sectors());
        List<String> capabilities = orEmpty(input.capabilities());
        List<String> markets = orEmpty(input.markets());
        if (!sectorsKnown.containsAll(sectors)) {
            errors.add(new FieldError("sectors", "forum.sector.unknown"));
        }
        if (!capabilityCodes.containsAll(capabilities) || capabilities.isEmpty()) {
            errors.add(new FieldError("capabilities", "forum.capability.unknown"));
        }
        if (!marketsKnown.containsAll(markets)) {
            errors.add(new FieldError("markets", "forum.market.unknown"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h ->
                insert(h, forumId, names, input.country(), sectors, capabilities, markets, input.size(), approved));
    }

    static long insert(
            Handle h,
            long forumId,
            Map<String, String> names,
            String country,
            List<String> sectors,
            List<String> capabilities,
            List<String> markets,
            int size,
            boolean approved) {
        long id = h.createUpdate("""
                INSERT INTO forum_organization (forum_id, name_en, name_ja, name_ko, country, sectors, markets, size, approved)
                VALUES (:f, :en, :ja, :ko, :country, :sectors, :markets, :size, :approved)""")
                .bind("f", forumId)
                .bind("en", names.get("en"))
                .bind("ja", names.get("ja"))
                .bind("ko", names.get("ko"))
                .bind("country", country)
                .bind("sectors", sectors.stream().distinct().toArray(String[]::new))
                .bind("markets", markets.stream().distinct().toArray(String[]::new))
                .bind("size", size)
                .bind("approved", approved)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        h.createUpdate("""
                INSERT INTO forum_organization_capability (organization_id, capability_id)
                SELECT :o, id FROM forum_capability WHERE forum_id = :f AND code = ANY(:codes)""")
                .bind("o", id)
                .bind("f", forumId)
                .bind("codes", capabilities.toArray(String[]::new))
                .execute();
        return id;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null
                ? List.of()
                : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The forum's organizations; pending ones only when {@code withPending}. */
    List<Organization> list(long forumId, boolean withPending) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS
                                + " FROM forum_organization o WHERE o.forum_id = :f AND (o.approved OR :pending) ORDER BY o.country, o.name_en")
                .bind("f", forumId)
                .bind("pending", withPending)
                .map(ORGANIZATION)
                .list());
    }

    Organization require(long forumId, long organizationId) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT " + COLUMNS + " FROM forum_organization o WHERE o.forum_id = :f AND o.id = :o")
                        .bind("f", forumId)
                        .bind("o", organizationId)
                        .map(ORGANIZATION)
                        .findOne())
                .orElseThrow(() -> NotFound.of("organization", organizationId));
    }

    void approve(long forumId, long organizationId) {
        int n = jdbi.withHandle(
                h -> h.createUpdate("UPDATE forum_organization SET approved = true WHERE forum_id = :f AND id = :o")
                        .bind("f", forumId)
                        .bind("o", organizationId)
                        .execute());
        if (n == 0) {
            throw NotFound.of("organization", organizationId);
        }
    }

    /** Records that two organizations of the forum are never to be teamed (idempotent). */
    void declareConflict(long forumId, long organizationId, long otherId) {
        if (organizationId == otherId) {
            throw Invalid.field("organizationId", "forum.conflict.self");
        }
        require(forumId, otherId);
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO forum_conflict (organization_id, other_id) VALUES (:a, :b) ON CONFLICT DO NOTHING""")
                .bind("a", Math.min(organizationId, otherId))
                .bind("b", Math.max(organizationId, otherId))
                .execute());
    }

    /** Every declared conflict of the forum as pairs of organization ids. */
    List<long[]> conflicts(long forumId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.organization_id, c.other_id FROM forum_conflict c
                          JOIN forum_organization o ON o.id = c.organization_id WHERE o.forum_id = :f""")
                .bind("f", forumId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
    }

    /** The organizations {@code organizationId} declared a conflict with (either way round). */
    List<Long> conflictsOf(long organizationId) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                        SELECT CASE WHEN organization_id = :o THEN other_id ELSE organization_id END
                          FROM forum_conflict WHERE organization_id = :o OR other_id = :o ORDER BY 1""").bind("o", organizationId).mapTo(Long.class).list());
    }

    /** Adds {@code accountId} as a delegate of the organization (pending unless {@code approved}); 409 if already one here. */
    void addDelegate(long forumId, long accountId, long organizationId, String rawName, boolean approved) {
        List<FieldError> errors = new ArrayList<>();
        String name = InputText.clean(rawName, "name", 1, 120, false, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        require(forumId, organizationId);
        int n = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO forum_delegate (forum_id, account_id, organization_id, name, approved, calendar_token)
                VALUES (:f, :a, :o, :name, :approved, :token) ON CONFLICT DO NOTHING""")
                .bind("token", Secrets.random(18))
                .bind("f", forumId)
                .bind("a", accountId)
                .bind("o", organizationId)
                .bind("name", name)
                .bind("approved", approved)
                .execute());
        if (n == 0) {
            throw new Conflict("already-delegate", "forum.delegate.exists");
        }
    }

    /** The secret of the delegate's agenda feed. */
    String calendarToken(long forumId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT calendar_token FROM forum_delegate WHERE forum_id = :f AND account_id = :a")
                        .bind("f", forumId)
                        .bind("a", accountId)
                        .mapTo(String.class)
                        .findOne())
                .orElseThrow(() -> NotFound.of("delegate", accountId));
    }

    /** The approved delegate whose agenda feed has this secret. */
    Optional<Delegate> byCalendarToken(long forumId, String token) {
        return jdbi.withHandle(h -> h.createQuery(DELEGATES + " AND d.approved AND d.calendar_token = :t")
                .bind("f", forumId)
                .bind("t", token)
                .map(DELEGATE)
                .findOne());
    }

    void approveDelegate(long forumId, long accountId) {
        int n = jdbi.withHandle(
                h -> h.createUpdate("UPDATE forum_delegate SET approved = true WHERE forum_id = :f AND account_id = :a")
                        .bind("f", forumId)
                        .bind("a", accountId)
                        .execute());
        if (n == 0) {
            throw NotFound.of("delegate", accountId);
        }
    }

    private static final String DELEGATES = """
            SELECT d.account_id, d.organization_id, d.name, o.name_en AS org_name, o.country, d.approved, d.availability
              FROM forum_delegate d JOIN forum_organization o ON o.id = d.organization_id
             WHERE d.forum_id = :f""";

    Optional<Delegate> delegate(long forumId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery(DELEGATES + " AND d.account_id = :a")
                .bind("f", forumId)
                .bind("a", accountId)
                .map(DELEGATE)
                .findOne());
    }

    /** The forum's delegates; pending ones only when {@code withPending}. */
    List<Delegate> delegates(long forumId, boolean withPending) {
        return jdbi.withHandle(
                h -> h.createQuery(DELEGATES + " AND (d.approved OR :pending) ORDER BY o.country, d.name")
                        .bind("f", forumId)
                        .bind("pending", withPending)
                        .map(DELEGATE)
                        .list());
    }

    /** Sets the slots a delegate can attend; 422 for a slot outside the day. */
    void setAvailability(long forumId, long accountId, List<Integer> slots, int slotCount) {
        long mask = 0;
        for (Integer s : slots == null ? List.<Integer>of() : slots) {
            if (s == null || s < 0 || s >= slotCount) {
                throw Invalid.field("slots", "forum.slot.invalid", slotCount - 1);
            }
            mask |= 1L << s;
        }
        long finalMask = mask;
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE forum_delegate SET availability = :m WHERE forum_id = :f AND account_id = :a")
                .bind("m", finalMask)
                .bind("f", forumId)
                .bind("a", accountId)
                .execute());
    }

    /** An organization as every member of the forum sees it (its public profile). */
    record Organization(
            long id,
            Map<String, String> names,
            String country,
            List<String> sectors,
            List<String> capabilities,
            List<String> markets,
            int size,
            boolean approved) {}

    record NewOrganization(
            Map<String, String> names,
            String country,
            List<String> sectors,
            List<String> capabilities,
            List<String> markets,
            int size) {}

    /**
     * A delegate; {@code availability} has bit s set when they are free in slot s (null where the
     * reader is another organization's delegate: when someone is free is theirs to tell).
     */
    record Delegate(
            long accountId,
            long organizationId,
            String name,
            String organizationName,
            String country,
            boolean approved,
            Long availability) {
        Delegate withoutAvailability() {
            return new Delegate(accountId, organizationId, name, organizationName, country, approved, null);
        }

        List<Integer> availableSlots(int slots) {
            List<Integer> out = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                if ((availability >>> s & 1L) != 0) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
