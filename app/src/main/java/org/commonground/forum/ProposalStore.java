package org.commonground.forum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Proposed teams, the members' answers, and the consortia that an all-accepted proposal becomes.
 * A proposal is private to its members' organizations and the forum's organizers; so is a consortium.
 */
final class ProposalStore {
    static final List<String> SEATS = List.of("US", "JP", "KR");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    ProposalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One required capability of the project and the seats whose member covers it (empty: missing). */
    record Covered(String capability, int weight, List<String> seats) {}

    /** A new proposal: organization id per seat (null for an empty seat). */
    record NewProposal(Long us, Long jp, Long kr, double score, double coverage, List<Covered> explanation) {
        List<Long> members() {
            List<Long> out = new ArrayList<>();
            for (Long o : new Long[] {us, jp, kr}) {
                if (o != null) {
                    out.add(o);
                }
            }
            return out;
        }
    }

    record Member(String seat, long organizationId, Map<String, String> names, String answer) {}

    /**
     * A proposal as its members and the organizers see it: who sits in each seat, what each covers
     * ({@code explanation}), what is missing, and the answers so far.
     *
     * @param score    weighted score in [0, 1]
     * @param coverage weighted share of the project's required capabilities covered, in [0, 1]
     */
    record Proposal(
            long id,
            long projectId,
            String projectTitle,
            String hostCountry,
            int rank,
            String state,
            double score,
            double coverage,
            List<Member> members,
            List<Covered> explanation) {
        List<Covered> missing() {
            return explanation.stream().filter(c -> c.seats().isEmpty()).toList();
        }

        List<String> coveredBy(String seat) {
            return explanation.stream()
                    .filter(c -> c.seats().contains(seat))
                    .map(Covered::capability)
                    .toList();
        }
    }

    record ConsortiumMember(long organizationId, Map<String, String> names, String country) {}

    record ConsortiumDelegate(long accountId, String name, long organizationId) {}

    /** An accepted team's shared space: members, their delegates and notes. */
    record Consortium(
            long id,
            long projectId,
            String projectTitle,
            String state,
            String notes,
            List<ConsortiumMember> members,
            List<ConsortiumDelegate> delegates) {}

    /**
     * Replaces a project's unanswered proposals with {@code proposals} (best first). Proposals that
     * someone already answered stay, and a new proposal for the same team is not added twice.
     */
    void replace(long projectId, List<NewProposal> proposals) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    DELETE FROM forum_proposal p WHERE p.project_id = :p AND p.state = 'proposed'
                       AND NOT EXISTS (SELECT 1 FROM forum_proposal_answer a WHERE a.proposal_id = p.id)""").bind("p", projectId).execute();
            Set<List<Long>> kept = new HashSet<>(h.createQuery(
                            "SELECT us_org, jp_org, kr_org FROM forum_proposal WHERE project_id = :p")
                    .bind("p", projectId)
                    .map((rs, ctx) -> java.util.Arrays.asList(
                            rs.getObject(1, Long.class), rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
                    .list());
            int rank = 1;
            for (NewProposal p : proposals) {
                if (kept.contains(java.util.Arrays.asList(p.us(), p.jp(), p.kr()))) {
                    continue;
                }
                h.createUpdate("""
                        INSERT INTO forum_proposal (project_id, rank, us_org, jp_org, kr_org, score, coverage, explanation)
                        VALUES (:p, :rank, :us, :jp, :kr, :score, :coverage, CAST(:explanation AS jsonb))""")
                        .bind("p", projectId)
                        .bind("rank", rank++)
                        .bind("us", p.us())
                        .bind("jp", p.jp())
                        .bind("kr", p.kr())
                        .bind("score", p.score())
                        .bind("coverage", p.coverage())
                        .bind("explanation", json(p.explanation()))
                        .execute();
            }
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The forum's proposals, or only those with {@code organizationId} as a member; by project, then rank. */
    List<Proposal> proposals(long forumId, Long organizationId) {
        return jdbi.withHandle(h -> proposals(h, forumId, organizationId, null));
    }

    private static List<Proposal> proposals(Handle h, long forumId, Long organizationId, Long proposalId) {
        Map<Long, Map<String, String>> names = new HashMap<>();
        h.createQuery("SELECT id, name_en, name_ja, name_ko FROM forum_organization WHERE forum_id = :f")
                .bind("f", forumId)
                .map((rs, ctx) -> names.put(
                        rs.getLong(1), Map.of("en", rs.getString(2), "ja", rs.getString(3), "ko", rs.getString(4))))
                .forEach(x -> {});
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        h.createQuery("""
                        SELECT a.proposal_id, a.organization_id, a.answer FROM forum_proposal_answer a
                          JOIN forum_proposal p ON p.id = a.proposal_id JOIN forum_project j ON j.id = p.project_id
                         WHERE j.forum_id = :f""")
                .bind("f", forumId)
                .map((rs, ctx) -> answers.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), rs.getString(3)))
                .forEach(x -> {});
        return h.createQuery("""
                        SELECT p.*, j.title, j.host_country FROM forum_proposal p JOIN forum_project j ON j.id = p.project_id
                         WHERE j.forum_id = :f
                           AND (CAST(:o AS bigint) IS NULL OR :o IN (p.us_org, p.jp_org, p.kr_org))
                           AND (CAST(:id AS bigint) IS NULL OR p.id = :id)
                         ORDER BY p.project_id, p.rank""")
                .bind("f", forumId)
                .bind("o", organizationId)
                .bind("id", proposalId)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    List<Member> members = new ArrayList<>();
                    String[] columns = {"us_org", "jp_org", "kr_org"};
                    for (int s = 0; s < 3; s++) {
                        Long o = rs.getObject(columns[s], Long.class);
                        if (o != null) {
                            members.add(new Member(
                                    SEATS.get(s),
                                    o,
                                    names.get(o),
                                    answers.getOrDefault(id, Map.of()).getOrDefault(o, "pending")));
                        }
                    }
                    List<Covered> explanation;
                    try {
                        explanation =
                                JSON.readValue(rs.getString("explanation"), new TypeReference<List<Covered>>() {});
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    return new Proposal(
                            id,
                            rs.getLong("project_id"),
                            rs.getString("title"),
                            rs.getString("host_country"),
                            rs.getInt("rank"),
                            rs.getString("state"),
                            rs.getDouble("score"),
                            rs.getDouble("coverage"),
                            members,
                            explanation);
                })
                .list();
    }

    /** The proposal if {@code organizationId} is one of its members (or null: an organizer asks); else 404. */
    Proposal proposal(long forumId, long proposalId, Long organizationId) {
        return jdbi.withHandle(h -> proposals(h, forumId, organizationId, proposalId)).stream()
                .findFirst()
                .orElseThrow(() -> NotFound.of("proposal", proposalId));
    }

    /**
     * Records a member organization's answer. A decline ends the proposal; when every member has
     * accepted, the proposal becomes an open consortium. An organization already in
     * {@code maxOpenConsortia} open consortia cannot accept (409).
     */
    Proposal answer(
            long forumId, long proposalId, long organizationId, long accountId, String answer, int maxOpenConsortia) {
        if (!"accept".equals(answer) && !"decline".equals(answer)) {
            throw Invalid.field("answer", "forum.answer.invalid");
        }
        return jdbi.inTransaction(h -> {
            // Lock first: two members accepting at once must not both turn the proposal into a consortium.
            h.createQuery("SELECT id FROM forum_proposal WHERE id = :id FOR UPDATE")
                    .bind("id", proposalId)
                    .mapTo(Long.class)
                    .findOne();
            Proposal p = proposals(h, forumId, organizationId, proposalId).stream()
                    .findFirst()
                    .orElseThrow(() -> NotFound.of("proposal", proposalId));
            if (!p.state().equals("proposed")) {
                throw new Conflict("proposal-answered", "forum.proposal.closed");
            }
            if (answer.equals("accept")
                    && openConsortia(h, forumId).getOrDefault(organizationId, 0) >= maxOpenConsortia) {
                throw new Conflict("consortium-limit", "forum.consortium.limit", maxOpenConsortia);
            }
            h.createUpdate("""
                    INSERT INTO forum_proposal_answer (proposal_id, organization_id, answer, answered_by)
                    VALUES (:p, :o, :a, :by)
                    ON CONFLICT (proposal_id, organization_id) DO UPDATE SET answer = EXCLUDED.answer,
                        answered_by = EXCLUDED.answered_by, answered_at = now()""")
                    .bind("p", proposalId)
                    .bind("o", organizationId)
                    .bind("a", answer)
                    .bind("by", accountId)
                    .execute();
            Proposal now = proposals(h, forumId, null, proposalId).getFirst();
            if (answer.equals("decline")) {
                h.createUpdate("UPDATE forum_proposal SET state = 'declined' WHERE id = :p")
                        .bind("p", proposalId)
                        .execute();
            } else if (now.members().stream().allMatch(m -> m.answer().equals("accept"))) {
                h.createUpdate("UPDATE forum_proposal SET state = 'accepted' WHERE id = :p")
                        .bind("p", proposalId)
                        .execute();
                long consortium = h.createUpdate("""
                                INSERT INTO forum_consortium (forum_id, project_id, proposal_id) VALUES (:f, :project, :p)""")
                        .bind("f", forumId)
                        .bind("project", p.projectId())
                        .bind("p", proposalId)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                for (Member m : now.members()) {
                    h.createUpdate(
                                    "INSERT INTO forum_consortium_member (consortium_id, organization_id) VALUES (:c, :o)")
                            .bind("c", consortium)
                            .bind("o", m.organizationId())
                            .execute();
                }
            }
            return proposals(h, forumId, null, proposalId).getFirst();
        });
    }

    /** Per organization of the forum, how many open consortia it is in. */
    Map<Long, Integer> openConsortia(long forumId) {
        return jdbi.withHandle(h -> openConsortia(h, forumId));
    }

    private static Map<Long, Integer> openConsortia(Handle h, long forumId) {
        Map<Long, Integer> out = new HashMap<>();
        h.createQuery("""
                        SELECT m.organization_id, count(*) FROM forum_consortium_member m
                          JOIN forum_consortium c ON c.id = m.consortium_id
                         WHERE c.forum_id = :f AND c.state = 'open' GROUP BY m.organization_id""")
                .bind("f", forumId)
                .map((rs, ctx) -> out.put(rs.getLong(1), rs.getInt(2)))
                .forEach(x -> {});
        return out;
    }

    /** The forum's consortia, or only those {@code organizationId} is a member of. */
    List<Consortium> consortia(long forumId, Long organizationId) {
        return jdbi.withHandle(h -> {
            List<Long> ids = h.createQuery("""
                            SELECT c.id FROM forum_consortium c WHERE c.forum_id = :f
                               AND (CAST(:o AS bigint) IS NULL OR EXISTS (SELECT 1 FROM forum_consortium_member m
                                    WHERE m.consortium_id = c.id AND m.organization_id = :o)) ORDER BY c.id""")
                    .bind("f", forumId)
                    .bind("o", organizationId)
                    .mapTo(Long.class)
                    .list();
            return ids.stream()
                    .map(id -> consortium(h, forumId, id))
                    .filter(Objects::nonNull)
                    .toList();
        });
    }

    /** The consortium, if {@code organizationId} is a member (null: an organizer asks); 404 otherwise, hiding that it exists. */
    Consortium consortium(long forumId, long consortiumId, Long organizationId) {
        Consortium c = jdbi.withHandle(h -> consortium(h, forumId, consortiumId));
        if (c == null
                || (organizationId != null
                        && c.members().stream().noneMatch(m -> m.organizationId() == organizationId))) {
            throw NotFound.of("consortium", consortiumId);
        }
        return c;
    }

    private static Consortium consortium(Handle h, long forumId, long id) {
        var row = h.createQuery("""
                        SELECT c.id, c.project_id, j.title, c.state, c.notes FROM forum_consortium c
                          JOIN forum_project j ON j.id = c.project_id WHERE c.forum_id = :f AND c.id = :c""").bind("f", forumId).bind("c", id).mapToMap().findOne();
        if (row.isEmpty()) {
            return null;
        }
        List<ConsortiumMember> members = h.createQuery("""
                        SELECT o.id, o.name_en, o.name_ja, o.name_ko, o.country FROM forum_consortium_member m
                          JOIN forum_organization o ON o.id = m.organization_id WHERE m.consortium_id = :c
                         ORDER BY array_position(ARRAY['US','JP','KR','other'], o.country)""")
                .bind("c", id)
                .map((rs, ctx) -> new ConsortiumMember(
                        rs.getLong(1),
                        Map.of("en", rs.getString(2), "ja", rs.getString(3), "ko", rs.getString(4)),
                        rs.getString(5)))
                .list();
        List<ConsortiumDelegate> delegates = h.createQuery("""
                        SELECT d.account_id, d.name, d.organization_id FROM forum_delegate d
                          JOIN forum_consortium_member m ON m.organization_id = d.organization_id
                         WHERE m.consortium_id = :c AND d.approved ORDER BY d.name""")
                .bind("c", id)
                .map((rs, ctx) -> new ConsortiumDelegate(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
        Map<String, Object> r = row.get();
        return new Consortium(
                id,
                ((Number) r.get("project_id")).longValue(),
                (String) r.get("title"),
                (String) r.get("state"),
                (String) r.get("notes"),
                members,
                delegates);
    }

    Consortium setNotes(long forumId, long consortiumId, Long organizationId, String notes) {
        consortium(forumId, consortiumId, organizationId);
        List<org.commonground.problem.CommonGroundException.FieldError> errors = new ArrayList<>();
        String clean = InputText.clean(notes, "notes", 0, 10_000, true, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE forum_consortium SET notes = :n WHERE id = :c")
                .bind("n", clean)
                .bind("c", consortiumId)
                .execute());
        return consortium(forumId, consortiumId, organizationId);
    }
}
