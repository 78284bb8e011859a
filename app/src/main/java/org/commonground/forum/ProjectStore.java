package org.commonground.forum;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Projects in emerging markets, what they need (capabilities with weights), and who is interested. */
final class ProjectStore {
    static final Set<String> FINANCING = Set.of("DFC", "JBIC", "NEXI", "KEXIM", "ADB");
    static final List<String> STATUSES = List.of("open", "matched", "closed");

    private final Jdbi jdbi;

    ProjectStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long create(
            long forumId,
            NewProject input,
            long postedBy,
            Long organizationId,
            List<ForumStore.Capability> taxonomy,
            List<String> markets) {
        List<FieldError> errors = new ArrayList<>();
        String title = InputText.clean(input.title(), "title", 1, 200, false, errors);
        if (input.hostCountry() == null || !markets.contains(input.hostCountry())) {
            errors.add(new FieldError("hostCountry", "forum.market.unknown"));
        }
        if (input.sector() == null
                || taxonomy.stream().noneMatch(c -> c.sector().equals(input.sector()))) {
            errors.add(new FieldError("sector", "forum.sector.unknown"));
        }
        if (input.size() < 1 || input.size() > 5) {
            errors.add(new FieldError("size", "forum.size.invalid"));
        }
        List<String> financing = input.financing() == null ? List.of() : input.financing();
        if (!FINANCING.containsAll(financing)) {
            errors.add(new FieldError(
                    "financing",
                    "forum.financing.unknown",
                    String.join(", ", FINANCING.stream().sorted().toList())));
        }
        List<Need> needs = input.needs() == null ? List.of() : input.needs();
        if (needs.isEmpty() || needs.size() > 64) {
            errors.add(new FieldError("needs", "forum.needs.count", 64));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        taxonomy.forEach(c -> ids.put(c.code(), c.id()));
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < needs.size(); i++) {
            Need n = needs.get(i);
            if (n == null || !ids.containsKey(n.capability()) || !seen.add(n.capability())) {
                errors.add(new FieldError("needs[" + i + "].capability", "forum.capability.unknown"));
            } else if (n.weight() < 1 || n.weight() > 5) {
                errors.add(new FieldError("needs[" + i + "].weight", "forum.weight.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h -> insert(
                h,
                forumId,
                organizationId,
                postedBy,
                title,
                input.hostCountry(),
                input.sector(),
                input.size(),
                financing,
                needs.stream()
                        .map(n -> new long[] {ids.get(n.capability()), n.weight()})
                        .toList()));
    }

    static long insert(
            Handle h,
            long forumId,
            Long organizationId,
            long postedBy,
            String title,
            String host,
            String sector,
            int size,
            List<String> financing,
            List<long[]> needs) {
        long id = h.createUpdate("""
                INSERT INTO forum_project (forum_id, organization_id, posted_by, title, host_country, sector, size, financing)
                VALUES (:f, :o, :by, :title, :host, :sector, :size, :financing)""")
                .bind("f", forumId)
                .bind("o", organizationId)
                .bind("by", postedBy)
                .bind("title", title)
                .bind("host", host)
                .bind("sector", sector)
                .bind("size", size)
                .bind("financing", financing.stream().distinct().toArray(String[]::new))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        var batch = h.prepareBatch("""
                INSERT INTO forum_project_need (project_id, capability_id, weight, position) VALUES (:p, :c, :w, :pos)""");
        for (int i = 0; i < needs.size(); i++) {
            batch.bind("p", id)
                    .bind("c", needs.get(i)[0])
                    .bind("w", (int) needs.get(i)[1])
                    .bind("pos", i)
                    .add();
        }
        batch.execute();
        return id;
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    /**
     * The forum's projects with their needs. {@code interestOf} (an organization id, or null)
     * fills {@link Project#interested()} with whether that organization marked interest.
     */
    List<Project> list(long forumId, Long interestOf) {
        return jdbi.withHandle(h -> {
            Map<Long, List<NeedView>> needs = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT n.project_id, c.code, n.weight FROM forum_project_need n
                              JOIN forum_capability c ON c.id = n.capability_id
                              JOIN forum_project p ON p.id = n.project_id
                             WHERE p.forum_id = :f ORDER BY n.project_id, n.position""")
                    .bind("f", forumId)
                    .map((rs, ctx) -> needs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new NeedView(rs.getString(2), rs.getInt(3))))
                    .forEach(x -> {});
            return h.createQuery("""
                            SELECT p.*, (SELECT count(*) FROM forum_interest i WHERE i.project_id = p.id) AS interest_count,
                                   EXISTS (SELECT 1 FROM forum_interest i WHERE i.project_id = p.id AND i.organization_id = :me) AS mine
                              FROM forum_project p WHERE p.forum_id = :f ORDER BY p.id""")
                    .bind("f", forumId)
                    .bind("me", interestOf)
                    .map((rs, ctx) -> new Project(
                            rs.getLong("id"),
                            rs.getString("title"),
                            rs.getString("host_country"),
                            rs.getString("sector"),
                            rs.getInt("size"),
                            List.of(strings(rs.getArray("financing"))),
                            rs.getString("status"),
                            rs.getObject("organization_id", Long.class),
                            needs.getOrDefault(rs.getLong("id"), List.of()),
                            rs.getInt("interest_count"),
                            rs.getBoolean("mine")))
                    .list();
        });
    }

    Project require(long forumId, long projectId) {
        return list(forumId, null).stream()
                .filter(p -> p.id() == projectId)
                .findFirst()
                .orElseThrow(() -> NotFound.of("project", projectId));
    }

    void setStatus(long forumId, long projectId, String status) {
        if (status == null || !STATUSES.contains(status)) {
            throw Invalid.field("status", "forum.status.invalid");
        }
        int n = jdbi.withHandle(
                h -> h.createUpdate("UPDATE forum_project SET status = :s WHERE forum_id = :f AND id = :p")
                        .bind("s", status)
                        .bind("f", forumId)
                        .bind("p", projectId)
                        .execute());
        if (n == 0) {
            throw NotFound.of("project", projectId);
        }
    }

    void setInterest(long forumId, long projectId, long organizationId, boolean interested) {
        require(forumId, projectId);
        jdbi.useHandle(h -> h.createUpdate(
                        interested
                                ? "INSERT INTO forum_interest (project_id, organization_id) VALUES (:p, :o) ON CONFLICT DO NOTHING"
                                : "DELETE FROM forum_interest WHERE project_id = :p AND organization_id = :o")
                .bind("p", projectId)
                .bind("o", organizationId)
                .execute());
    }

    /** Keeps an organization out of a project's proposals (the host's wish or its own). */
    void exclude(long forumId, long projectId, long organizationId) {
        require(forumId, projectId);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO forum_exclusion (project_id, organization_id) VALUES (:p, :o) ON CONFLICT DO NOTHING""")
                .bind("p", projectId)
                .bind("o", organizationId)
                .execute());
    }

    /** Per project id, the organizations that marked interest in it, and those excluded from it. */
    Map<Long, List<Long>> interest(long forumId) {
        return pairs(forumId, "forum_interest");
    }

    Map<Long, List<Long>> exclusions(long forumId) {
        return pairs(forumId, "forum_exclusion");
    }

    private Map<Long, List<Long>> pairs(long forumId, String table) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT t.project_id, t.organization_id FROM " + table
                        + " t JOIN forum_project p ON p.id = t.project_id WHERE p.forum_id = :f")
                .bind("f", forumId)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .forEach(x -> {}));
        return out;
    }

    record Need(String capability, int weight) {}

    record NewProject(
            String title, String hostCountry, String sector, int size, List<String> financing, List<Need> needs) {}

    record NeedView(String capability, int weight) {}

    /** A project; {@code interested}: whether the reader's organization marked interest. */
    record Project(
            long id,
            String title,
            String hostCountry,
            String sector,
            int size,
            List<String> financing,
            String status,
            Long organizationId,
            List<NeedView> needs,
            int interestCount,
            boolean interested) {}
}
