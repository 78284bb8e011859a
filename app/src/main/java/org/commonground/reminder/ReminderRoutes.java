package org.commonground.reminder;

import io.javalin.http.Context;
import org.commonground.participation.ParticipationFeature;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** A participant leaves, checks or deletes their address for reminders. */
final class ReminderRoutes {
    private final Reminders reminders;
    private final ParticipationFeature participation;
    private final java.util.function.ToIntFunction<String> digestNow;
    private final org.commonground.conversation.Access access;

    ReminderRoutes(
            Reminders reminders,
            ParticipationFeature participation,
            java.util.function.ToIntFunction<String> digestNow,
            org.commonground.conversation.Access access) {
        this.reminders = reminders;
        this.participation = participation;
        this.digestNow = digestNow;
        this.access = access;
    }

    /** How many mails a digest run queued. */
    record DigestRun(int queued) {}

    /** An address for reminders, with the participant's explicit consent ({@code consent: true}). */
    record ReminderAddress(String email, Boolean consent) {}

    /** Whether the participant has left an address (the address itself is never shown again), and whether the server sends mail. */
    record ReminderState(boolean subscribed, boolean available) {}

    void addTo(Api api) {
        api.tag(
                "reminders",
                "Opt-in reminder mail for participants: the address is stored encrypted, never exported, deletable, with one-click unsubscribe");
        String path = "/api/v1/conversations/{conversationId}/participants/me/reminders";
        api.get(path)
                .id("getReminders")
                .caller(Caller.PARTICIPANT)
                .tag("reminders")
                .summary("Whether the calling participant gets reminder mail")
                .returns(ReminderState.class)
                .handle(ctx -> {
                    long participant = participant(ctx);
                    ctx.json(new ReminderState(reminders.subscribed(participant), reminders.on()));
                });
        api.put(path)
                .id("putReminders")
                .caller(Caller.PARTICIPANT)
                .problems(409)
                .tag("reminders")
                .summary(
                        "Leave an address for reminders (new rounds, statements to vote on, document versions) with consent: true; a confirmation mail follows. 409 mail-off when the server sends none")
                .body(ReminderAddress.class)
                .returns(ReminderState.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    long participant = participant(ctx);
                    ReminderAddress in = Requests.body(ctx, ReminderAddress.class);
                    Language language = participation.languageOf(participant).orElse(Language.of(ctx));
                    reminders.subscribe(id, participant, in.email(), in.consent(), language, baseUrl(ctx));
                    ctx.json(new ReminderState(true, true));
                });
        api.delete(path)
                .id("deleteReminders")
                .caller(Caller.PARTICIPANT)
                .tag("reminders")
                .summary("Delete the address: no more reminders")
                .returns(ReminderState.class)
                .handle(ctx -> {
                    long participant = participant(ctx);
                    reminders.forget(participant);
                    ctx.json(new ReminderState(false, reminders.on()));
                });
        addDigest(api);
    }

    private void addDigest(Api api) {
        api.post("/api/v1/reminders/digest")
                .id("runReminderDigest")
                .caller(Caller.ACCOUNT)
                .tag("reminders")
                .summary(
                        "Admins: run the hourly digests now (statements waiting for participants' votes, weekly per address; the moderation queue for each team, daily), with links to this server's address")
                .returns(DigestRun.class)
                .handle(ctx -> {
                    access.requireRole(ctx, org.commonground.account.Role.ADMIN);
                    ctx.json(new DigestRun(digestNow.applyAsInt(baseUrl(ctx))));
                });
    }

    private long participant(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        participation.require(ctx, id);
        return participation.participantOf(ctx, id).orElseThrow();
    }

    static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null ? "localhost" : host);
    }
}
