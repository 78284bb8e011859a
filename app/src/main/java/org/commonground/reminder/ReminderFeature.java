package org.commonground.reminder;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commonground.account.AccountFeature;
import org.commonground.conversation.ConversationFeature;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.mail.MailFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.TranslationFeature;
import org.commonground.web.Api;
import org.commonground.web.Csrf;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Participants' opt-in reminder mail and the team's digest, the feature's one public entry
 * (docs/mail.md). Two hooks for features that are wired at merge: {@link #roundOpened} (the
 * dialogue feature, when it opens a round) and {@link #documentPublished} (the document feature).
 * The digests run hourly in the background; each decides by the injected clock whether it is due.
 */
public final class ReminderFeature implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderFeature.class);

    private final Reminders reminders;
    private final ParticipationFeature participation;
    private final org.commonground.conversation.Access access;
    private final org.commonground.conversation.Readable readable;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reminder-digest");
        t.setDaemon(true);
        return t;
    });
    /** The server's address for the team digest's links ({@code serve --public-url}), or null. */
    private final String publicUrl;

    private ReminderFeature(
            Jdbi jdbi,
            Clock clock,
            MailFeature mail,
            Messages messages,
            AccountFeature account,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            ParticipationFeature participation,
            DialogueFeature dialogue) {
        this.participation = participation;
        this.publicUrl = mail.settings().publicUrl();
        this.access = conversation.access();
        this.readable = conversation.readable();
        this.reminders = new Reminders(
                new ReminderStore(jdbi),
                mail.outbox(),
                mail.addressSeal(),
                mail.settings().from(),
                messages,
                clock,
                conversation.conversations(),
                participation.activity(),
                statement.statements(),
                participation.votes(),
                account.accounts(),
                new Reminders.DialogueRounds() {
                    @Override
                    public List<Long> conversations(long dialogueId) {
                        return dialogue.roundConversations(dialogueId);
                    }

                    @Override
                    public String title(long dialogueId, Language reader) {
                        return dialogue.title(dialogueId, reader);
                    }
                },
                translation.translations());
    }

    public static ReminderFeature wire(
            Jdbi jdbi,
            Clock clock,
            MailFeature mail,
            Messages messages,
            AccountFeature account,
            ConversationFeature conversation,
            StatementFeature statement,
            TranslationFeature translation,
            ParticipationFeature participation,
            DialogueFeature dialogue) {
        return new ReminderFeature(
                jdbi, clock, mail, messages, account, conversation, statement, translation, participation, dialogue);
    }

    /** @param csrf lets the one-click unsubscribe POST through without a form token (RFC 8058) */
    public void addTo(Api api, Pages pages, Csrf csrf) {
        csrf.allowWithoutToken(Reminders.UNSUBSCRIBE_PATH);
        new ReminderRoutes(reminders, participation, this::digestNow, access).addTo(api);
        new UnsubscribePages(pages, reminders).addTo(api.routes());
        new ReminderPages(pages, reminders, participation, readable).addTo(api.routes());
    }

    /** Starts the hourly digests (with the server). */
    public void start() {
        schedule.scheduleWithFixedDelay(this::digestsSafely, 1, 60, TimeUnit.MINUTES);
    }

    /**
     * Hook for the dialogue feature: a new round ({@code conversationId}) of the dialogue opened.
     * Everyone who left an address in an earlier round hears of it, once per address. Returns the
     * number of mails queued.
     */
    public int roundOpened(long dialogueId, long conversationId) {
        return reminders.roundOpened(dialogueId, conversationId);
    }

    /** Hook for the document feature: version {@code version} of the dialogue's document was published. */
    public int documentPublished(long dialogueId, int version) {
        return reminders.documentPublished(dialogueId, version);
    }

    /**
     * Runs both digests now, as the hourly run does; the team's links start with {@code baseUrl},
     * else with {@code --public-url}, and without either the team digest waits. Returns the mails queued.
     */
    int digestNow(String baseUrl) {
        int sent = reminders.digest();
        String base = baseUrl != null ? baseUrl : publicUrl;
        return base == null ? sent : sent + reminders.teamDigest(base);
    }

    private void digestsSafely() {
        try {
            digestNow(null);
        } catch (RuntimeException e) {
            LOG.warn("reminder digest failed, trying again in an hour: {}", e.toString());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
