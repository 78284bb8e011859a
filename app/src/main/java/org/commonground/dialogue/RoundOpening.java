package org.commonground.dialogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.Seeding;
import org.commonground.conversation.TranslatorLanguages;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Invalid;
import org.commonground.statement.Statements;
import org.commonground.translation.Translations;

/**
 * Opening a dialogue's next round from its last: a new conversation with the last round's texts (or
 * new ones), settings, cohorts and staff; the chosen statements seeded into it again, each with every
 * approved translation it had, and recorded as carried (with the statement it first was), so that the
 * same statement is followed from round to round. The organizer's checks are the caller's.
 *
 * <p>All of it is one transaction ({@link DialogueStore#atomically}): a failure at any step leaves no
 * half-open round (no conversation without its round, no round without its carried statements).
 */
final class RoundOpening {
    private final DialogueStore dialogues;
    private final ConversationCatalog conversations;
    private final Seeding seeding;
    private final Statements statements;
    private final Translations translations;

    RoundOpening(
            DialogueStore dialogues,
            ConversationCatalog conversations,
            Seeding seeding,
            Statements statements,
            Translations translations) {
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.seeding = seeding;
        this.statements = statements;
        this.translations = translations;
    }

    /** Opens the next round from the last one (see {@link Organizing.NextRound}); the dialogue with it. */
    Dialogue open(long organizerId, Dialogue d, Organizing.NextRound in) {
        return dialogues.atomically(() -> openInTransaction(organizerId, d, in));
    }

    private Dialogue openInTransaction(long organizerId, Dialogue d, Organizing.NextRound in) {
        List<FieldError> errors = new ArrayList<>();
        Organizing.checkSchedule(in.opensAt(), in.closesAt(), errors);
        Conversation last = conversations.get(d.last().conversationId());
        List<Long> carry = in.carry() == null ? List.of() : in.carry();
        if (carry.size() > Organizing.MAX_CARRIED) {
            errors.add(new FieldError("carry", "dialogue.carry.too-many", Organizing.MAX_CARRIED));
        }
        List<Statements.StoredStatement> chosen = new ArrayList<>();
        Map<Long, Statements.StoredStatement> found = new LinkedHashMap<>();
        statements.withIds(new HashSet<>(carry)).forEach(s -> found.put(s.id(), s));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < carry.size(); i++) {
            Long id = carry.get(i);
            Statements.StoredStatement s = id == null ? null : found.get(id);
            if (s == null || s.conversationId() != last.id() || !"accepted".equals(s.moderationState())) {
                errors.add(new FieldError("carry." + i, "dialogue.carry.not-in-last-round", id == null ? 0 : id));
            } else if (seen.add(id)) {
                chosen.add(s);
            }
        }
        if (last.state() == ConversationState.ARCHIVED) {
            errors.add(new FieldError("carry", "dialogue.last-round.archived"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        Map<String, Conversation.Text> texts = in.texts();
        if (texts == null || texts.isEmpty()) {
            texts = new LinkedHashMap<>();
            for (var e : last.texts().entrySet()) {
                texts.put(e.getKey().code(), e.getValue());
            }
        }
        List<ConversationCatalog.CohortSpec> cohorts = last.cohorts().stream()
                .map(c -> new ConversationCatalog.CohortSpec(c.name(), c.values(), c.fixedByInvite()))
                .toList();
        Conversation next = conversations.create(
                organizerId,
                new ConversationCatalog.NewConversation(
                        texts, last.moderationMode(), last.participantsCanWrite(), last.resultsVisibility(), cohorts));
        copyStaff(last.id(), next.id());
        Map<Long, Long> copies = new LinkedHashMap<>();
        Map<Long, Long> originOf = new java.util.HashMap<>();
        dialogues.carried(d.id()).forEach(c -> originOf.put(c.statementId(), c.originStatementId()));
        List<DialogueStore.Carried> carried = new ArrayList<>();
        for (Statements.StoredStatement s : chosen) {
            long copy = seeding.seed(next.id(), organizerId, s.text(), s.lang()).id();
            copies.put(s.id(), copy);
            carried.add(new DialogueStore.Carried(copy, s.id(), originOf.getOrDefault(s.id(), s.id())));
        }
        translations.copyApproved(copies);
        Dialogue updated = dialogues.addRound(d.id(), next.id(), in.opensAt(), in.closesAt(), carried);
        if (Boolean.TRUE.equals(in.open())) {
            conversations.transition(next.id(), ConversationState.OPEN);
            if (Boolean.TRUE.equals(in.closePrevious()) && last.state() == ConversationState.OPEN) {
                conversations.transition(last.id(), ConversationState.CLOSED);
            }
        }
        return updated;
    }

    /** The last round's staff (co-organizers, moderators, translators with their languages) work the next round too. */
    private void copyStaff(long from, long to) {
        for (ConversationCatalog.Member m : conversations.members(from)) {
            if (m.role() == MemberRole.TRANSLATOR) {
                conversations.addMember(
                        to, m.accountId(), m.role(), new TranslatorLanguages(List.copyOf(m.languages())));
            } else {
                conversations.addMember(to, m.accountId(), m.role());
            }
        }
    }
}
