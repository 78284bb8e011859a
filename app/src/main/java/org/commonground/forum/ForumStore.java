package org.commonground.forum;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Forums, their organizers and their taxonomy (capabilities by sector, target markets). */
final class ForumStore {
    static final Pattern CODE = Pattern.compile("^[a-z0-9-]{1,40}$");
    static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private final Jdbi jdbi;

    ForumStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static final RowMapper<Forum> FORUM = (rs, ctx) -> new Forum(
            rs.getLong("id"),
            Map.of("en", rs.getString("title_en"), "ja", rs.getString("title_ja"), "ko", rs.getString("title_ko")),
            rs.getString("venue"),
            rs.getObject("day_start", OffsetDateTime.class).toInstant(),
            rs.getString("time_zone"),
            rs.getInt("slot_minutes"),
            rs.getInt("slots"),
            rs.getInt("tables"),
            rs.getBoolean("allow_two_seats"),
            rs.getInt("max_open_consortia"),
            rs.getObject("conversation_id", Long.class));

    private static final RowMapper<Capability> CAPABILITY = (rs, ctx) -> new Capability(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("sector"),
            Map.of("en", rs.getString("name_en"), "ja", rs.getString("name_ja"), "ko", rs.getString("name_ko")));

    Forum create(NewForum input, long organizerId) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> titles = Texts.three(input.titles(), "titles", 200, errors);
        String venue = input.venue() == null ? "" : InputText.clean(input.venue(), "venue", 0, 200, false, errors);
        if (input.dayStart() == null) {
            errors.add(new FieldError("dayStart", "forum.day-start.required"));
        }
        String zone = input.timeZone() == null ? "UTC" : input.timeZone();
        try {
            java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            errors.add(new FieldError("timeZone", "forum.time-zone.invalid"));
        }
        if (input.slots() < 1 || input.slots() > 64) {
            errors.add(new FieldError("slots", "forum.slots.invalid", 64));
        }
        if (input.slotMinutes() < 5 || input.slotMinutes() > 240) {
            errors.add(new FieldError("slotMinutes", "forum.slot-minutes.invalid"));
        }
        if (input.tables() < 1 || input.tables() > 1000) {
            errors.add(new FieldError("tables", "forum.tables.invalid"));
        }
        if (input.maxOpenConsortia() < 1 || input.maxOpenConsortia() > 100) {
            errors.add(new FieldError("maxOpenConsortia", "forum.max-open.invalid"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO forum (title_en, title_ja, title_ko, venue, day_start, time_zone, slot_minutes, slots, tables,
                                       allow_two_seats, max_open_consortia)
                    VALUES (:en, :ja, :ko, :venue, :start, :zone, :minutes, :slots, :tables, :two, :max)""")
                    .bind("zone", zone)
                    .bind("en", titles.get("en"))
                    .bind("ja", titles.get("ja"))
                    .bind("ko", titles.get("ko"))
                    .bind("venue", venue)
                    .bind("start", OffsetDateTime.ofInstant(input.dayStart(), java.time.ZoneOffset.UTC))
                    .bind("minutes", input.slotMinutes())
                    .bind("slots", input.slots())
                    .bind("tables", input.tables())
                    .bind("two", input.allowTwoSeats())
                    .bind("max", input.maxOpenConsortia())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("INSERT INTO forum_organizer (forum_id, account_id) VALUES (:f, :a)")
                    .bind("f", id)
                    .bind("a", organizerId)
                    .execute();
            return h.createQuery("SELECT * FROM forum WHERE id = :id")
                    .bind("id", id)
                    .map(FORUM)
                    .one();
        });
    }

    Optional<Forum> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM forum WHERE id = :id")
                .bind("id", id)
                .map(FORUM)
                .findOne());
    }

    Forum require(long id) {
        return find(id).orElseThrow(() -> NotFound.of("forum", id));
    }

    boolean isOrganizer(long forumId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM forum_organizer WHERE forum_id = :f AND account_id = :a)")
                .bind("f", forumId)
                .bind("a", accountId)
                .mapTo(Boolean.class)
                .one());
    }

    /** The forums an account organizes or is a delegate at (every forum for an admin), newest first. */
    List<Forum> forumsOf(long accountId, boolean admin) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM forum f
                         WHERE :admin
                            OR EXISTS (SELECT 1 FROM forum_organizer o WHERE o.forum_id = f.id AND o.account_id = :a)
                            OR EXISTS (SELECT 1 FROM forum_delegate d WHERE d.forum_id = f.id AND d.account_id = :a)
                         ORDER BY id DESC""")
                .bind("a", accountId)
                .bind("admin", admin)
                .map(FORUM)
                .list());
    }

    void linkConversation(long forumId, Long conversationId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE forum SET conversation_id = :c WHERE id = :f")
                .bind("c", conversationId)
                .bind("f", forumId)
                .execute());
    }

    List<Capability> capabilities(long forumId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM forum_capability WHERE forum_id = :f ORDER BY sector, code")
                        .bind("f", forumId)
                        .map(CAPABILITY)
                        .list());
    }

    List<String> markets(long forumId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT code FROM forum_market WHERE forum_id = :f ORDER BY code")
                .bind("f", forumId)
                .mapTo(String.class)
                .list());
    }

    /**
     * Makes the taxonomy exactly {@code taxonomy}: new capabilities and markets are added, names
     * updated, and unlisted ones removed — unless an organization or a project still uses them (409),
     * so that editing the taxonomy never silently drops anyone's data.
     */
    Taxonomy replaceTaxonomy(long forumId, Taxonomy taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Map<String, String>> names = new ArrayList<>();
        List<CapabilityInput> capabilities = taxonomy.capabilities() == null ? List.of() : taxonomy.capabilities();
        for (int i = 0; i < capabilities.size(); i++) {
            CapabilityInput c = capabilities.get(i);
            String field = "capabilities[" + i + "]";
            if (c == null || c.code() == null || !CODE.matcher(c.code()).matches() || codes.contains(c.code())) {
                errors.add(new FieldError(field + ".code", "forum.capability.code.invalid"));
            } else if (c.sector() == null || !CODE.matcher(c.sector()).matches()) {
                errors.add(new FieldError(field + ".sector", "forum.capability.sector.invalid"));
            }
            codes.add(c == null ? null : c.code());
            names.add(Texts.three(c == null ? null : c.names(), field + ".names", 120, errors));
        }
        List<String> markets = taxonomy.markets() == null ? List.of() : taxonomy.markets();
        for (int i = 0; i < markets.size(); i++) {
            if (markets.get(i) == null || !COUNTRY.matcher(markets.get(i)).matches()) {
                errors.add(new FieldError("markets[" + i + "]", "forum.market.invalid"));
            }
        }
        if (capabilities.size() > 512) {
            errors.add(new FieldError("capabilities", "forum.capabilities.too-many", 512));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT id FROM forum WHERE id = :f FOR UPDATE")
                    .bind("f", forumId)
                    .mapTo(Long.class)
                    .one();
            List<String> inUse = h.createQuery("""
                    SELECT c.code FROM forum_capability c
                     WHERE c.forum_id = :f AND NOT (c.code = ANY(:codes))
                       AND (EXISTS (SELECT 1 FROM forum_organization_capability oc WHERE oc.capability_id = c.id)
                         OR EXISTS (SELECT 1 FROM forum_project_need n WHERE n.capability_id = c.id))""")
                    .bind("f", forumId)
                    .bind("codes", codes.toArray(String[]::new))
                    .mapTo(String.class)
                    .list();
            if (!inUse.isEmpty()) {
                throw new Conflict("capability-in-use", "forum.capability.in-use", String.join(", ", inUse));
            }
            h.createUpdate("DELETE FROM forum_capability WHERE forum_id = :f AND NOT (code = ANY(:codes))")
                    .bind("f", forumId)
                    .bind("codes", codes.toArray(String[]::new))
                    .execute();
            var upsert = h.prepareBatch("""
                    INSERT INTO forum_capability (forum_id, code, sector, name_en, name_ja, name_ko)
                    VALUES (:f, :code, :sector, :en, :ja, :ko)
                    ON CONFLICT (forum_id, code) DO UPDATE
                       SET sector = EXCLUDED.sector, name_en = EXCLUDED.name_en, name_ja = EXCLUDED.name_ja,
                           name_ko = EXCLUDED.name_ko""");
            for (int i = 0; i < capabilities.size(); i++) {
                upsert.bind("f", forumId)
                        .bind("code", codes.get(i))
                        .bind("sector", capabilities.get(i).sector())
                        .bind("en", names.get(i).get("en"))
                        .bind("ja", names.get(i).get("ja"))
                        .bind("ko", names.get(i).get("ko"))
                        .add();
            }
            if (!capabilities.isEmpty()) {
                upsert.execute();
            }
            h.createUpdate("DELETE FROM forum_market WHERE forum_id = :f")
                    .bind("f", forumId)
                    .execute();
            for (String m : markets.stream().distinct().toList()) {
                h.createUpdate("INSERT INTO forum_market (forum_id, code) VALUES (:f, :m)")
                        .bind("f", forumId)
                        .bind("m", m)
                        .execute();
            }
        });
        return taxonomy(forumId);
    }

    Taxonomy taxonomy(long forumId) {
        return new Taxonomy(
                capabilities(forumId).stream()
                        .map(c -> new CapabilityInput(c.code(), c.sector(), c.names()))
                        .toList(),
                markets(forumId));
    }

    /** A forum: an event with a one-day meeting grid of {@code slots} × {@code tables}. */
    record Forum(
            long id,
            Map<String, String> titles,
            String venue,
            Instant dayStart,
            String timeZone,
            int slotMinutes,
            int slots,
            int tables,
            boolean allowTwoSeats,
            int maxOpenConsortia,
            Long conversationId) {
        Instant slotStart(int slot) {
            return dayStart.plusSeconds(60L * slotMinutes * slot);
        }
    }

    /** A new forum; {@code timeZone} is an IANA zone such as Asia/Singapore (UTC when absent). */
    record NewForum(
            Map<String, String> titles,
            String venue,
            Instant dayStart,
            String timeZone,
            int slotMinutes,
            int slots,
            int tables,
            boolean allowTwoSeats,
            int maxOpenConsortia) {}

    record Capability(long id, String code, String sector, Map<String, String> names) {}

    record CapabilityInput(String code, String sector, Map<String, String> names) {}

    record Taxonomy(List<CapabilityInput> capabilities, List<String> markets) {}
}
