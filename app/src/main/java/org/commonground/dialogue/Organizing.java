package org.commonground.dialogue;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.account.Role;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ConversationStore;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.Seeding;
import org.commonground.conversation.TranslatorLanguages;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.StatementStore;
import org.commonground.translation.TranslationStore;
import org.commonground.web.InputText;
import org.commonground.web.Language;

/**
 * The rules of a dialogue's life: who organizes it (its owner and the admins), who may see it (anyone
 * once a round is out of draft; its organizers always), creating it, opening the next round from the
 * last with chosen statements carried over with their translations, and the schedule, which opens
 * and closes rounds when their times come.
 */
final class Organizing {
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4_000;
    static final int MAX_CARRIED = 200;

    private final DialogueStore dialogues;
    private final ConversationStore conversations;
    private final Seeding seeding;
    private final StatementStore statements;
    private final TranslationStore translations;
    private final Access access;
    private final Authentication authentication;
    private final Clock clock;

    Organizing(
            DialogueStore dialogues,
            ConversationStore conversations,
            Seeding seeding,
            StatementStore statements,
            TranslationStore translations,
            Access access,
            Authentication authentication,
            Clock clock) {
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.seeding = seeding;
        this.statements = statements;
        this.translations = translations;
        this.access = access;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** A new dialogue; round 1 is a given conversation (the caller organizes it) or a new draft with the dialogue's texts. */
    public record NewDialogue(
            Map<String, Dialogue.DialogueText> texts, Long conversationId, Instant opensAt, Instant closesAt) {}

    /**
     * The next round, opened from the last: {@code carry} lists statements of the last round to vote
     * on again (they keep their translations); {@code texts} are the round's own title and description
     * (the last round's when absent); {@code open} opens it now, {@code closePrevious} closes the last.
     */
    public record NextRound(
            List<Long> carry,
            Map<String, Conversation.Text> texts,
            Instant opensAt,
            Instant closesAt,
            Boolean open,
            Boolean closePrevious) {}

    /** A round's schedule; either end may be left open (null). */
    public record RoundSchedule(Instant opensAt, Instant closesAt) {}

    Dialogue create(Account organizer, NewDialogue in) {
        List<FieldError> errors = new ArrayList<>();
        Map<Language, Dialogue.DialogueText> texts = texts(in.texts(), errors);
        schedule(in.opensAt(), in.closesAt(), errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        long first;
        if (in.conversationId() != null) {
            if (conversations.find(in.conversationId()).isEmpty()) {
                throw Invalid.field("conversationId", "dialogue.conversation.unknown", in.conversationId());
            }
            if (!access.has(organizer, in.conversationId(), Set.of("organizer"))) {
                throw Forbidden.role();
            }
            first = in.conversationId();
        } else {
            Map<String, Conversation.Text> roundTexts = new LinkedHashMap<>();
            texts.forEach(
                    (lang, t) -> roundTexts.put(lang.code(), new Conversation.Text(t.title(), t.description(), "")));
            first = conversations
                    .create(organizer.id(), new ConversationStore.NewConversation(roundTexts, null, null, null, null))
                    .id();
        }
        return dialogues.create(organizer.id(), texts, first, in.opensAt(), in.closesAt());
    }

    /** Opens the next round from the last one (see {@link NextRound}); the new round as stored. */
    Dialogue nextRound(Account organizer, Dialogue d, NextRound in) {
        List<FieldError> errors = new ArrayList<>();
        schedule(in.opensAt(), in.closesAt(), errors);
        Conversation last = conversations.get(d.last().conversationId());
        List<Long> carry = in.carry() == null ? List.of() : in.carry();
        if (carry.size() > MAX_CARRIED) {
            errors.add(new FieldError("carry", "dialogue.carry.too-many", MAX_CARRIED));
        }
        List<StatementStore.StoredStatement> chosen = new ArrayList<>();
        Map<Long, StatementStore.StoredStatement> found = new LinkedHashMap<>();
        statements.withIds(new HashSet<>(carry)).forEach(s -> found.put(s.id(), s));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < carry.size(); i++) {
            Long id = carry.get(i);
            StatementStore.StoredStatement s = id == null ? null : found.get(id);
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
        List<ConversationStore.CohortSpec> cohorts = last.cohorts().stream()
                .map(c -> new ConversationStore.CohortSpec(c.name(), c.values(), c.fixedByInvite()))
                .toList();
        Conversation next = conversations.create(
                organizer.id(),
                new ConversationStore.NewConversation(
                        texts, last.moderationMode(), last.participantsCanWrite(), last.resultsVisibility(), cohorts));
        copyStaff(last.id(), next.id());
        Map<Long, Long> copies = new LinkedHashMap<>();
        Map<Long, Long> originOf = new java.util.HashMap<>();
        dialogues.carried(d.id()).forEach(c -> originOf.put(c.statementId(), c.originStatementId()));
        List<DialogueStore.Carried> carried = new ArrayList<>();
        for (StatementStore.StoredStatement s : chosen) {
            long copy =
                    seeding.seed(next.id(), organizer.id(), s.text(), s.lang()).id();
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

    Dialogue schedule(Dialogue d, int number, RoundSchedule in) {
        List<FieldError> errors = new ArrayList<>();
        schedule(in.opensAt(), in.closesAt(), errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        d.round(number)
                .orElseThrow(
                        () -> new NotFound("dialogue-round-not-found", "problem.dialogue-round-not-found", number));
        Dialogue updated = dialogues.schedule(d.id(), number, in.opensAt(), in.closesAt());
        applySchedule(updated);
        return updated;
    }

    /**
     * Opens a draft round whose opening time has come (and whose closing time has not) and closes an
     * open round whose closing time has passed; called whenever a dialogue is read, so the rounds
     * follow their schedule without anyone pressing a button. A transition another request made first
     * is not an error.
     */
    void applySchedule(Dialogue d) {
        Instant now = clock.instant();
        for (Dialogue.Round r : d.rounds()) {
            if (r.opensAt() == null && r.closesAt() == null) {
                continue;
            }
            Optional<Conversation> c = conversations.find(r.conversationId());
            if (c.isEmpty()) {
                continue;
            }
            ConversationState state = c.get().state();
            boolean closed = r.closesAt() != null && !r.closesAt().isAfter(now);
            boolean opened = r.opensAt() != null && !r.opensAt().isAfter(now);
            try {
                if (state == ConversationState.DRAFT && opened && !closed) {
                    conversations.transition(r.conversationId(), ConversationState.OPEN);
                } else if (state == ConversationState.OPEN && closed) {
                    conversations.transition(r.conversationId(), ConversationState.CLOSED);
                }
            } catch (CommonGroundException raced) {
                // Another request moved it first (or the organizer did by hand): the state it has stands.
            }
        }
    }

    /** The dialogue if the request may see it: some round is out of draft, or the caller organizes it; else 404. */
    Dialogue readable(Context ctx, long id) {
        Dialogue d = dialogues.get(id);
        applySchedule(d);
        if (isPublic(d) || authentication.account(ctx).map(a -> organizes(a, d)).orElse(false)) {
            return d;
        }
        throw NotFound.of("dialogue", id);
    }

    boolean isPublic(Dialogue d) {
        return d.rounds().stream()
                .anyMatch(r -> conversations
                        .find(r.conversationId())
                        .map(c -> c.state() != ConversationState.DRAFT)
                        .orElse(false));
    }

    /** Organizer rights on the dialogue (its owner or an admin), else 401/403/404. */
    Account requireOrganizer(Context ctx, long id) {
        Account account = access.requireAccount(ctx);
        Dialogue d = dialogues.get(id);
        if (!organizes(account, d)) {
            throw Forbidden.role();
        }
        return account;
    }

    /** The account that may create dialogues (organizers and admins), else 401/403. */
    Account requireCreator(Context ctx) {
        return access.requireRole(ctx, Role.ORGANIZER);
    }

    static boolean organizes(Account account, Dialogue d) {
        return account.isAdmin() || (d.ownerId() != null && d.ownerId() == account.id());
    }

    /** The last round's staff (co-organizers, moderators, translators with their languages) work the next round too. */
    private void copyStaff(long from, long to) {
        for (ConversationStore.Member m : conversations.members(from)) {
            if (m.role() == MemberRole.TRANSLATOR) {
                conversations.addMember(
                        to, m.accountId(), m.role(), new TranslatorLanguages(List.copyOf(m.languages())));
            } else {
                conversations.addMember(to, m.accountId(), m.role());
            }
        }
    }

    static Map<Language, Dialogue.DialogueText> texts(Map<String, Dialogue.DialogueText> raw, List<FieldError> errors) {
        Map<Language, Dialogue.DialogueText> texts = new EnumMap<>(Language.class);
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldError("texts", "dialogue.texts.missing"));
            return texts;
        }
        for (var entry : raw.entrySet()) {
            String field = "texts." + entry.getKey();
            Language lang = Language.parse(entry.getKey())
                    .filter(l -> l.code().equals(entry.getKey()))
                    .orElse(null);
            if (lang == null) {
                errors.add(new FieldError(field, "dialogue.texts.language"));
                continue;
            }
            Dialogue.DialogueText t = entry.getValue();
            if (t == null) {
                errors.add(new FieldError(field + ".title", "input.text.empty", 1));
                continue;
            }
            int before = errors.size();
            String title = InputText.clean(t.title(), field + ".title", 1, TITLE_MAX, false, errors);
            String description =
                    InputText.clean(t.description(), field + ".description", 0, DESCRIPTION_MAX, true, errors);
            if (errors.size() == before) {
                texts.put(lang, new Dialogue.DialogueText(title, description == null ? "" : description));
            }
        }
        return texts;
    }

    private static void schedule(Instant opensAt, Instant closesAt, List<FieldError> errors) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            errors.add(new FieldError("closesAt", "dialogue.schedule.order"));
        }
    }
}
