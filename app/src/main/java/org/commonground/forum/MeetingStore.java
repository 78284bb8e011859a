package org.commonground.forum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.InputText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Meeting requests between delegates (one-to-one, or three-party for a consortium), the invitees'
 * answers, and where the scheduler put them. A meeting is accepted once every invitee accepted.
 */
final class MeetingStore {
    private final Jdbi jdbi;

    MeetingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record NewMeeting(List<Long> invitees, int priority, String note, Long consortiumId) {}

    record Party(long accountId, String name, String organizationName, String country, String answer) {}

    /**
     * A meeting; {@code slot}/{@code table} are null until scheduled, {@code state} is
     * {@code requested}, {@code accepted} or {@code declined}.
     */
    record Meeting(
            long id,
            long requestedBy,
            Long consortiumId,
            int priority,
            String note,
            String state,
            Integer slot,
            Integer table,
            boolean published,
            List<Party> parties) {
        boolean involves(long accountId) {
            return parties.stream().anyMatch(p -> p.accountId() == accountId);
        }
    }

    /** A request from {@code requester} to the invitees, who must be approved delegates of the forum. */
    Meeting request(long forumId, long requester, NewMeeting input, Set<Long> approvedDelegates) {
        Set<Long> invitees = new LinkedHashSet<>(input.invitees() == null ? List.of() : input.invitees());
        invitees.remove(requester);
        if (invitees.isEmpty() || invitees.size() > 2) {
            throw Invalid.field("invitees", "forum.meeting.invitees");
        }
        if (!approvedDelegates.containsAll(invitees)) {
            throw Invalid.field("invitees", "forum.meeting.not-delegate");
        }
        if (input.priority() < 1 || input.priority() > 3) {
            throw Invalid.field("priority", "forum.meeting.priority");
        }
        List<org.commonground.problem.CommonGroundException.FieldError> errors = new ArrayList<>();
        String note = InputText.clean(input.note(), "note", 0, 500, true, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        long id = jdbi.inTransaction(h -> {
            long m = h.createUpdate("""
                            INSERT INTO forum_meeting (forum_id, requested_by, consortium_id, priority, note)
                            VALUES (:f, :by, :c, :priority, :note)""")
                    .bind("f", forumId)
                    .bind("by", requester)
                    .bind("c", input.consortiumId())
                    .bind("priority", input.priority())
                    .bind("note", note)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate(
                            "INSERT INTO forum_meeting_party (meeting_id, account_id, answer) VALUES (:m, :a, 'accepted')")
                    .bind("m", m)
                    .bind("a", requester)
                    .execute();
            for (long invitee : invitees) {
                h.createUpdate("INSERT INTO forum_meeting_party (meeting_id, account_id) VALUES (:m, :a)")
                        .bind("m", m)
                        .bind("a", invitee)
                        .execute();
            }
            return m;
        });
        return require(forumId, id);
    }

    /** An invitee's answer; a published meeting can no longer be declined (409), only the organizers can move it. */
    Meeting answer(long forumId, long meetingId, long accountId, String answer) {
        if (!"accept".equals(answer) && !"decline".equals(answer)) {
            throw Invalid.field("answer", "forum.answer.invalid");
        }
        Meeting m = require(forumId, meetingId);
        if (!m.involves(accountId)) {
            throw NotFound.of("meeting", meetingId);
        }
        if (m.published()) {
            throw new Conflict("meeting-published", "forum.meeting.published");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE forum_meeting_party SET answer = :a WHERE meeting_id = :m AND account_id = :who")
                    .bind("a", answer.equals("accept") ? "accepted" : "declined")
                    .bind("m", meetingId)
                    .bind("who", accountId)
                    .execute();
            if (answer.equals("decline")) {
                h.createUpdate("UPDATE forum_meeting SET slot = NULL, table_no = NULL WHERE id = :m")
                        .bind("m", meetingId)
                        .execute();
            }
        });
        return require(forumId, meetingId);
    }

    Meeting require(long forumId, long meetingId) {
        return jdbi.withHandle(h -> meetings(h, forumId, null, meetingId)).stream()
                .findFirst()
                .orElseThrow(() -> NotFound.of("meeting", meetingId));
    }

    /** The forum's meetings, or only those {@code accountId} takes part in; scheduled ones by slot first. */
    List<Meeting> meetings(long forumId, Long accountId) {
        return jdbi.withHandle(h -> meetings(h, forumId, accountId, null));
    }

    private static List<Meeting> meetings(Handle h, long forumId, Long accountId, Long meetingId) {
        Map<Long, List<Party>> parties = new HashMap<>();
        h.createQuery("""
                        SELECT p.meeting_id, p.account_id, d.name, o.name_en, o.country, p.answer
                          FROM forum_meeting_party p JOIN forum_meeting m ON m.id = p.meeting_id
                          JOIN forum_delegate d ON d.forum_id = m.forum_id AND d.account_id = p.account_id
                          JOIN forum_organization o ON o.id = d.organization_id
                         WHERE m.forum_id = :f ORDER BY p.meeting_id, o.country, d.name""")
                .bind("f", forumId)
                .map((rs, ctx) -> parties.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Party(
                                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .forEach(x -> {});
        return h.createQuery("""
                        SELECT * FROM forum_meeting m WHERE m.forum_id = :f
                           AND (CAST(:a AS bigint) IS NULL OR EXISTS (SELECT 1 FROM forum_meeting_party p
                                WHERE p.meeting_id = m.id AND p.account_id = :a))
                           AND (CAST(:id AS bigint) IS NULL OR m.id = :id)
                         ORDER BY m.slot NULLS LAST, m.table_no, m.id""")
                .bind("f", forumId)
                .bind("a", accountId)
                .bind("id", meetingId)
                .map((rs, ctx) -> {
                    List<Party> who = parties.getOrDefault(rs.getLong("id"), List.of());
                    String state = who.stream().anyMatch(p -> p.answer().equals("declined"))
                            ? "declined"
                            : who.stream().allMatch(p -> p.answer().equals("accepted")) ? "accepted" : "requested";
                    return new Meeting(
                            rs.getLong("id"),
                            rs.getLong("requested_by"),
                            rs.getObject("consortium_id", Long.class),
                            rs.getInt("priority"),
                            rs.getString("note"),
                            state,
                            rs.getObject("slot", Integer.class),
                            rs.getObject("table_no", Integer.class),
                            rs.getBoolean("published"),
                            who);
                })
                .list();
    }

    /** Stores a schedule: slot and table per meeting id (absent: unscheduled); {@code publish} marks placed ones published. */
    void saveSchedule(long forumId, Map<Long, int[]> placements, boolean publish) {
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "UPDATE forum_meeting SET slot = NULL, table_no = NULL WHERE forum_id = :f AND NOT published")
                    .bind("f", forumId)
                    .execute();
            var batch = h.prepareBatch("""
                    UPDATE forum_meeting SET slot = :s, table_no = :t, published = published OR :publish
                     WHERE id = :m AND forum_id = :f""");
            for (var e : placements.entrySet()) {
                batch.bind("s", e.getValue()[0])
                        .bind("t", e.getValue()[1])
                        .bind("publish", publish)
                        .bind("m", e.getKey())
                        .bind("f", forumId)
                        .add();
            }
            if (!placements.isEmpty()) {
                batch.execute();
            }
        });
    }
}
