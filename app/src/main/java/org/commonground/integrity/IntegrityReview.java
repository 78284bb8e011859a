package org.commonground.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commonground.account.Account;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.Invites;
import org.commonground.participation.JoinLog;
import org.commonground.participation.Votes;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.Statements;
import org.commonground.web.InputText;

/**
 * The moderators' side of integrity: the signals of one conversation ({@link BrigadeSignals} over
 * its participants and current votes, read from their owners), and the decisions that leave
 * participants out of the analysis or bring them back, each audited and announced to the live
 * analysis.
 */
final class IntegrityReview implements Exclusions {
    /** Most participants one decision may name: a brigade larger than this is excluded in parts. */
    static final int MAX_PER_DECISION = 50_000;

    static final int NOTE_MAX = 500;

    private final IntegrityStore store;
    private final ConversationCatalog conversations;
    private final Invites invites;
    private final Statements statements;
    private final JoinLog joins;
    private final Votes votes;
    private final SignalThresholds thresholds;
    private final Clock clock;
    private volatile ExclusionListener listener = ExclusionListener.NONE;

    IntegrityReview(
            IntegrityStore store,
            ConversationCatalog conversations,
            Invites invites,
            Statements statements,
            JoinLog joins,
            Votes votes,
            SignalThresholds thresholds,
            Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.invites = invites;
        this.statements = statements;
        this.joins = joins;
        this.votes = votes;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    void tell(ExclusionListener listener) {
        this.listener = listener;
    }

    @Override
    public Excluded excluded(long conversationId) {
        return store.excluded(conversationId);
    }

    /** The request of one decision, from the API's JSON or the panel's form. */
    public record Decision(List<Long> participantIds, String reason, String note) {}

    /** Reads the conversation's participants and current votes and runs the detection. */
    IntegrityView signals(long conversationId) {
        long started = System.nanoTime();
        Conversation c =
                conversations.find(conversationId).orElseThrow(() -> NotFound.of("conversation", conversationId));
        BrigadeSignals.Input.Builder in = BrigadeSignals.input();
        joins.joins(conversationId, in::participant);
        for (Conversation.CohortDimension d : c.cohorts()) {
            votes.cohortValues(d.id()).forEach((participant, value) -> in.cohort(participant, d.name(), value));
        }
        votes.everyCurrentVote(
                conversationId, (participant, statement, value, at) -> in.vote(participant, statement, value));
        BrigadeSignals.Signals s = BrigadeSignals.detect(in.build(), thresholds);
        Excluded excluded = store.excluded(conversationId);
        return view(conversationId, s, excluded, (System.nanoTime() - started) / 1e9);
    }

    private IntegrityView view(long conversationId, BrigadeSignals.Signals s, Excluded excluded, double seconds) {
        Map<Long, String> inviteLabels = new HashMap<>();
        invites.of(conversationId)
                .forEach(i -> inviteLabels.put(i.id(), i.label().isBlank() ? "#" + i.id() : i.label()));
        List<IntegrityView.Burst> bursts = s.bursts().stream()
                .map(b -> new IntegrityView.Burst(
                        b.byInvite() ? "invite" : "cohort",
                        b.byInvite() ? b.inviteId() : null,
                        b.byInvite() ? inviteLabels.getOrDefault(b.inviteId(), "#" + b.inviteId()) : null,
                        b.dimension(),
                        b.value(),
                        b.from(),
                        b.to(),
                        b.joins(),
                        b.flagged()))
                .toList();
        List<IntegrityView.Cluster> clusters = new ArrayList<>();
        for (int k = 0; k < s.clusters().size(); k++) {
            BrigadeSignals.VoteCluster c = s.clusters().get(k);
            clusters.add(new IntegrityView.Cluster(
                    k + 1,
                    c.size(),
                    c.participants(),
                    c.firstJoined(),
                    c.lastJoined(),
                    c.meanVotes(),
                    c.agreeShare(),
                    c.disagreeShare(),
                    c.mainInviteId() == 0 ? null : inviteLabels.getOrDefault(c.mainInviteId(), "#" + c.mainInviteId()),
                    c.mainInviteMembers(),
                    (int) c.participants().stream().filter(excluded::contains).count()));
        }
        List<IntegrityView.OneValue> oneValue = s.oneValueVoters().stream()
                .map(o -> new IntegrityView.OneValue(
                        o.participantId(), o.value(), o.votes(), excluded.contains(o.participantId())))
                .toList();
        Map<Long, String> texts = new HashMap<>();
        statements
                .withIds(s.leanedStatements().stream()
                        .map(BrigadeSignals.LeanedStatement::statementId)
                        .toList())
                .forEach(st -> texts.put(st.id(), st.text()));
        List<IntegrityView.Leaned> leaned = s.leanedStatements().stream()
                .map(l -> new IntegrityView.Leaned(
                        l.statementId(),
                        texts.getOrDefault(l.statementId(), ""),
                        l.agrees(),
                        l.flaggedAgrees(),
                        l.flaggedShare()))
                .toList();
        Map<String, Integer> byReason = new TreeMap<>();
        excluded.byReason().forEach((r, n) -> byReason.put(r.code(), n));
        return new IntegrityView(
                conversationId,
                IntegrityView.Thresholds.of(thresholds),
                s.participants(),
                s.votes(),
                s.baselineJoins(),
                s.burstThreshold(),
                bursts,
                clusters,
                oneValue,
                leaned,
                new IntegrityView.ExcludedNow(excluded.count(), byReason),
                clock.instant(),
                seconds);
    }

    /** Leaves the named participants out of the analysis; 422 for a bad request, unknown ids included. */
    AuditEntry exclude(long conversationId, Account moderator, Decision d) {
        List<CommonGroundException.FieldError> errors = new ArrayList<>();
        ExclusionReason reason = null;
        if (d == null || d.reason() == null || ExclusionReason.parse(d.reason()).isEmpty()) {
            errors.add(new CommonGroundException.FieldError("reason", "integrity.reason.invalid", new Object[0]));
        } else {
            reason = ExclusionReason.parse(d.reason()).orElseThrow();
        }
        Checked ok = checked(conversationId, d, errors);
        AuditEntry entry = store.exclude(
                conversationId, ok.ids(), reason, ok.note(), moderator.id(), moderator.email(), clock.instant());
        listener.exclusionsChanged(conversationId);
        return entry;
    }

    /** Brings the named participants back into the analysis (those not left out are ignored). */
    AuditEntry restore(long conversationId, Account moderator, Decision d) {
        Checked ok = checked(conversationId, d, new ArrayList<>());
        AuditEntry entry =
                store.restore(conversationId, ok.ids(), ok.note(), moderator.id(), moderator.email(), clock.instant());
        listener.exclusionsChanged(conversationId);
        return entry;
    }

    List<AuditEntry> audit(long conversationId) {
        return store.audit(conversationId, 200);
    }

    /** Restores the participants one earlier exclusion left out (those still out). */
    AuditEntry undo(long conversationId, long auditId, Account moderator, String note) {
        AuditEntry earlier = store.entry(conversationId, auditId)
                .filter(e -> e.action().equals("exclude"))
                .orElseThrow(() -> NotFound.of("exclusion", auditId));
        return restore(conversationId, moderator, new Decision(earlier.participantIds(), null, note));
    }

    /** The decision's participant ids, all of this conversation, and its note; or 422 with every field at fault. */
    private Checked checked(long conversationId, Decision d, List<CommonGroundException.FieldError> errors) {
        List<Long> asked = d == null || d.participantIds() == null ? List.of() : d.participantIds();
        Set<Long> distinct = new java.util.TreeSet<>();
        for (Long id : asked) {
            if (id != null) {
                distinct.add(id);
            }
        }
        if (distinct.isEmpty() || distinct.size() > MAX_PER_DECISION) {
            errors.add(new CommonGroundException.FieldError(
                    "participantIds", "integrity.participants.count", new Object[] {MAX_PER_DECISION}));
        } else {
            Set<Long> known = joins.ofConversation(conversationId, distinct);
            if (known.size() != distinct.size()) {
                errors.add(new CommonGroundException.FieldError(
                        "participantIds", "integrity.participants.unknown", new Object[] {distinct.size() - known.size()
                        }));
            }
        }
        String note = InputText.clean(d == null ? null : d.note(), "note", 1, NOTE_MAX, true, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return new Checked(distinct.stream().mapToLong(Long::longValue).toArray(), note);
    }

    /** A decision's participants (distinct, ascending, all of the conversation) and its cleaned note. */
    private record Checked(long[] ids, String note) {}

    static List<Long> parseIds(Collection<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String r : raw) {
            for (String part : r.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        out.add(Long.parseLong(part.strip()));
                    } catch (NumberFormatException e) {
                        throw Invalid.field("participantIds", "integrity.participants.unknown", 1);
                    }
                }
            }
        }
        return out;
    }
}
