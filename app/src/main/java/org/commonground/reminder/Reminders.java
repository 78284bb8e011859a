package org.commonground.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonground.account.Accounts;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.Readable;
import org.commonground.mail.AddressSeal;
import org.commonground.mail.Outbox;
import org.commonground.mail.OutgoingMail;
import org.commonground.participation.Votes;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.statement.Statements;
import org.commonground.translation.Translations;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.jdbi.v3.core.Handle;

/**
 * The rules of participants' opt-in mail and the team's digest. A participant (or a dialogue's
 * returning person, through any of their rounds) leaves an address with explicit consent; it is
 * stored sealed and only opened to send. Every participant mail carries a one-click unsubscribe
 * (RFC 8058). What is sent: a confirmation, a new round of the dialogue opened, a document version
 * published, and at most weekly a digest of statements still to vote on. The team (owner,
 * co-organizers, moderators) hears at most daily of statements waiting in the moderation queue.
 */
final class Reminders {
    static final Duration DIGEST_EVERY = Duration.ofDays(7);
    static final Duration TEAM_DIGEST_EVERY = Duration.ofDays(1);
    static final String UNSUBSCRIBE_PATH = "/unsubscribe/";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** The dialogue a round belongs to, as the dialogue feature answers (see {@link ReminderFeature}). */
    interface DialogueRounds {
        List<Long> conversations(long dialogueId);

        String title(long dialogueId, Language reader);
    }

    private final ReminderStore store;
    private final Outbox outbox;
    private final Optional<AddressSeal> seal;
    private final String from;
    private final Messages messages;
    private final Clock clock;
    private final ConversationCatalog conversations;
    private final ConversationActivity activity;
    private final Statements statements;
    private final Votes votes;
    private final Accounts accounts;
    private final DialogueRounds dialogues;
    private final Translations translations;

    Reminders(
            ReminderStore store,
            Outbox outbox,
            Optional<AddressSeal> seal,
            String from,
            Messages messages,
            Clock clock,
            ConversationCatalog conversations,
            ConversationActivity activity,
            Statements statements,
            Votes votes,
            Accounts accounts,
            DialogueRounds dialogues,
            Translations translations) {
        this.store = store;
        this.outbox = outbox;
        this.seal = seal;
        this.from = from;
        this.messages = messages;
        this.clock = clock;
        this.conversations = conversations;
        this.activity = activity;
        this.statements = statements;
        this.votes = votes;
        this.accounts = accounts;
        this.dialogues = dialogues;
        this.translations = translations;
    }

    boolean on() {
        return outbox.on() && seal.isPresent();
    }

    /** Whether the participant has left an address (never the address itself). */
    boolean subscribed(long participantId) {
        return store.ofParticipant(participantId).isPresent();
    }

    /** Leaves an address with consent and sends its confirmation; 409 {@code mail-off} when the server cannot. */
    void subscribe(
            long conversationId, long participantId, String email, Boolean consent, Language language, String baseUrl) {
        String address = email == null ? "" : email.strip();
        List<org.commonground.problem.CommonGroundException.FieldError> errors = new ArrayList<>();
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            errors.add(
                    new org.commonground.problem.CommonGroundException.FieldError("email", "reminder.email.invalid"));
        }
        if (!Boolean.TRUE.equals(consent)) {
            errors.add(new org.commonground.problem.CommonGroundException.FieldError(
                    "consent", "reminder.consent.required"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        if (!on()) {
            throw new Conflict("mail-off", "problem.mail-off");
        }
        long id = store.subscribe(
                conversationId, participantId, seal.get().seal(address), language.code(), baseUrl, clock.instant());
        ReminderStore.Subscription s = store.byId(id).orElseThrow();
        String title = Readable.title(conversations.get(conversationId), language);
        store.inTransaction(
                h -> send(h, s, address, "mail.reminder-confirmed", title, baseUrl + "/c/" + conversationId));
    }

    boolean forget(long participantId) {
        return store.deleteOfParticipant(participantId);
    }

    /** The one-click unsubscribe: deletes the address the token names; false for a token that names none. */
    boolean unsubscribe(String token) {
        if (seal.isEmpty()) {
            return false;
        }
        long id = seal.get().verify(token);
        return id > 0 && store.delete(id);
    }

    /** Whether the token is one of ours and still names an address (the confirmation page). */
    boolean knows(String token) {
        return seal.isPresent() && store.byId(seal.get().verify(token)).isPresent();
    }

    /** A new round of the dialogue opened: everyone who left an address in one of its rounds hears of it once. */
    int roundOpened(long dialogueId, long conversationId) {
        return toDialogue(
                dialogueId,
                conversationId,
                "mail.round-opened",
                s -> List.of(
                        dialogues.title(dialogueId, Language.parse(s.language()).orElse(Language.EN)),
                        s.baseUrl() + "/c/" + conversationId));
    }

    /** A version of the dialogue's shared-understanding document was published. */
    int documentPublished(long dialogueId, int version) {
        return toDialogue(
                dialogueId,
                -1,
                "mail.document-published",
                s -> List.of(
                        dialogues.title(dialogueId, Language.parse(s.language()).orElse(Language.EN)),
                        version,
                        s.baseUrl() + "/d/" + dialogueId));
    }

    private int toDialogue(
            long dialogueId,
            long exceptConversation,
            String key,
            java.util.function.Function<ReminderStore.Subscription, List<Object>> args) {
        if (!on()) {
            return 0;
        }
        List<Long> rounds = new ArrayList<>(dialogues.conversations(dialogueId));
        rounds.remove(exceptConversation);
        Set<String> told = new HashSet<>();
        List<ReminderStore.Subscription> subs = store.inConversations(rounds);
        int[] sent = {0};
        store.inTransaction(h -> {
            for (ReminderStore.Subscription s : subs) {
                String address = seal.get().open(s.addressSealed());
                if (told.add(address.toLowerCase(java.util.Locale.ROOT))) {
                    send(h, s, address, key, args.apply(s).toArray());
                    sent[0]++;
                }
            }
        });
        return sent[0];
    }

    /** The weekly digest: each address whose open conversation has statements it has not voted on. */
    int digest() {
        if (!on()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (ReminderStore.Subscription s : store.digestDue(now.minus(DIGEST_EVERY))) {
            Conversation c = conversations.find(s.conversationId()).orElse(null);
            if (c == null || c.state() != ConversationState.OPEN) {
                continue;
            }
            Set<Long> voted = new HashSet<>();
            votes.currentVotes(s.participantId()).forEach(v -> voted.add(v.statementId()));
            long waiting = statements.acceptedIdsFor(c.id(), s.participantId()).stream()
                    .filter(id -> !voted.contains(id))
                    .count();
            if (waiting == 0) {
                continue;
            }
            Language language = Language.parse(s.language()).orElse(Language.EN);
            String address = seal.get().open(s.addressSealed());
            store.digestSent(
                    s.id(),
                    now,
                    h -> send(
                            h,
                            s,
                            address,
                            "mail.digest",
                            Readable.title(c, language),
                            waiting,
                            s.baseUrl() + "/c/" + c.id()));
            sent++;
        }
        return sent;
    }

    /**
     * The team's daily digest: for each open conversation, its owner, co-organizers and moderators
     * hear how many statements wait for moderation, and each translator how many accepted statements
     * wait for a translation into their languages; in the conversation's first language (accounts
     * have none of their own), at most once a day per conversation.
     */
    int teamDigest(String baseUrl) {
        if (!outbox.on()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Conversation c : conversations.visibleTo(Optional.empty(), Long.MAX_VALUE, 1000)) {
            if (c.state() != ConversationState.OPEN
                    || store.teamDigestSentAt(c.id())
                            .map(t -> t.isAfter(now.minus(TEAM_DIGEST_EVERY)))
                            .orElse(false)) {
                continue;
            }
            Language language = c.texts().keySet().stream().findFirst().orElse(Language.EN);
            String title = Readable.title(c, language);
            List<OutgoingMail> mails = new ArrayList<>();
            int pending = activity.counts(c.id()).pending();
            Map<Long, String> moderators = new LinkedHashMap<>();
            if (c.ownerId() != null) {
                accounts.find(c.ownerId()).ifPresent(a -> moderators.put(a.id(), a.email()));
            }
            Map<String, Integer> untranslated = new LinkedHashMap<>();
            for (ConversationCatalog.Member m : conversations.members(c.id())) {
                if (m.role() == MemberRole.ORGANIZER || m.role() == MemberRole.MODERATOR) {
                    moderators.put(m.accountId(), m.email());
                } else if (m.role() == MemberRole.TRANSLATOR) {
                    int waiting = 0;
                    for (Language into : m.languages()) {
                        waiting += translations.missing(c.id(), into.code()).size();
                    }
                    if (waiting > 0) {
                        untranslated.merge(m.email(), waiting, Integer::sum);
                    }
                }
            }
            if (pending > 0) {
                for (String email : moderators.values()) {
                    mails.add(OutgoingMail.of(
                            email,
                            messages.get(language, "mail.team-queue.subject", title, pending),
                            messages.get(
                                    language,
                                    "mail.team-queue.body",
                                    title,
                                    pending,
                                    baseUrl + "/moderate/c/" + c.id())));
                }
            }
            untranslated.forEach((email, waiting) -> mails.add(OutgoingMail.of(
                    email,
                    messages.get(language, "mail.team-translations.subject", title, waiting),
                    messages.get(
                            language,
                            "mail.team-translations.body",
                            title,
                            waiting,
                            baseUrl + "/translate/c/" + c.id()))));
            if (mails.isEmpty()) {
                continue;
            }
            store.teamDigestSent(c.id(), now, h -> mails.forEach(m -> outbox.enqueue(h, m)));
            sent += mails.size();
        }
        return sent;
    }

    private void send(Handle h, ReminderStore.Subscription s, String address, String key, Object... args) {
        Language language = Language.parse(s.language()).orElse(Language.EN);
        String token = seal.get().sign(s.id());
        String url = s.baseUrl() + UNSUBSCRIBE_PATH + token;
        String body = messages.get(language, key + ".body", args) + "\n\n"
                + messages.get(language, "mail.unsubscribe-footer", url);
        outbox.enqueue(
                h,
                new OutgoingMail(
                        address,
                        messages.get(language, key + ".subject", args),
                        body,
                        new OutgoingMail.Unsubscribe(url, from + "?subject=unsubscribe%20" + token)));
    }
}
