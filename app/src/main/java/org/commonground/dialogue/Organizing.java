package org.commonground.dialogue;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Seeding;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.statement.Statements;
import org.commonground.translation.Translations;
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
    private final ConversationCatalog conversations;
    private final RoundOpening opening;
    private final Access access;
    private final Authentication authentication;
    private final Clock clock;

    Organizing(
            DialogueStore dialogues,
            ConversationCatalog conversations,
            Seeding seeding,
            Statements statements,
            Translations translations,
            Access access,
            Authentication authentication,
            Clock clock) {
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.opening = new RoundOpening(dialogues, conversations, seeding, statements, translations);
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
        checkSchedule(in.opensAt(), in.closesAt(), errors);
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
                    .create(organizer.id(), new ConversationCatalog.NewConversation(roundTexts, null, null, null, null))
                    .id();
        }
        return dialogues.create(organizer.id(), texts, first, in.opensAt(), in.closesAt());
    }

    /** Opens the next round from the last one (see {@link NextRound}); the dialogue with it. */
    Dialogue nextRound(Account organizer, Dialogue d, NextRound in) {
        Dialogue updated = opening.open(organizer.id(), d, in);
        if (Boolean.TRUE.equals(in.open())) {
            roundOpened.roundOpened(updated.id(), updated.last().conversationId());
        }
        return updated;
    }

    /** Who hears of a round opened at once (see {@link DialogueFeature#whenRoundOpens}). */
    private volatile RoundOpened roundOpened = RoundOpened.NOBODY;

    void whenRoundOpens(RoundOpened listener) {
        this.roundOpened = listener;
    }

    Dialogue schedule(Dialogue d, int number, RoundSchedule in) {
        List<FieldError> errors = new ArrayList<>();
        checkSchedule(in.opensAt(), in.closesAt(), errors);
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
                    roundOpened.roundOpened(d.id(), r.conversationId()); // only the request whose transition won
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

    static Map<Language, Dialogue.DialogueText> texts(Map<String, Dialogue.DialogueText> raw, List<FieldError> errors) {
        return InputText.perLanguage(raw, "dialogue", errors, (t, field, e) -> {
            String title = InputText.clean(t.title(), field + ".title", 1, TITLE_MAX, false, e);
            String description = InputText.clean(t.description(), field + ".description", 0, DESCRIPTION_MAX, true, e);
            return new Dialogue.DialogueText(title, description == null ? "" : description);
        });
    }

    static void checkSchedule(Instant opensAt, Instant closesAt, List<FieldError> errors) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            errors.add(new FieldError("closesAt", "dialogue.schedule.order"));
        }
    }
}
