package org.commonground.dialogue;

import io.javalin.http.Context;
import java.util.Map;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;
import org.commonground.web.Throttles;

/** The dialogue API: anyone reads dialogues and their analysis; organizers create them and open rounds; participants return. */
final class DialogueRoutes {
    static final int LISTED = 200;

    private final DialogueStore dialogues;
    private final Organizing organizing;
    private final ReturningParticipants returning;
    private final DialogueViews views;
    private final DialogueAnalysis analysis;
    private final Authentication authentication;
    private final Pages pages;
    private final Throttles throttles;

    DialogueRoutes(
            DialogueStore dialogues,
            Organizing organizing,
            ReturningParticipants returning,
            DialogueViews views,
            DialogueAnalysis analysis,
            Authentication authentication,
            Pages pages,
            Throttles throttles) {
        this.dialogues = dialogues;
        this.organizing = organizing;
        this.returning = returning;
        this.views = views;
        this.analysis = analysis;
        this.authentication = authentication;
        this.pages = pages;
        this.throttles = throttles;
    }

    /** The return link and recovery code, shown only in this answer. */
    public record ReturnPass(long personId, String returnToken, String returnUrl, String recoveryCode) {}

    /** Back into the dialogue with the return link's token or the recovery code (one of them). */
    public record ReturnRequest(String returnToken, String recoveryCode) {}

    /**
     * Back in the dialogue's current round: the participant token to vote with; {@code newInRound} when
     * the person joined this round just now (with their earlier cohort answers); after a recovery code,
     * {@code returnToken} and {@code returnUrl} are the new link (the old one no longer works), else null.
     */
    public record Returned(
            long personId,
            int round,
            long conversationId,
            String participant,
            String token,
            boolean newInRound,
            Map<String, String> cohorts,
            String returnToken,
            String returnUrl) {}

    void addTo(Api api) {
        api.tag(
                "dialogues",
                "Dialogues over months: series of rounds (each a conversation) with a schedule, statements carried"
                        + " from round to round, returning participants and the analysis across rounds");
        String one = "/api/v1/dialogues/{dialogueId}";
        api.post("/api/v1/dialogues")
                .id("createDialogue")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary(
                        "Create a dialogue; round 1 is a conversation the caller organizes, or a new draft (organizers, admins)")
                .body(Organizing.NewDialogue.class)
                .returns(DialogueViews.DialogueView.class, 201)
                .problems(409)
                .handle(ctx -> {
                    Account organizer = organizing.requireCreator(ctx);
                    var in = Requests.body(ctx, Organizing.NewDialogue.class);
                    ctx.status(201).json(views.of(organizing.create(organizer, in), Language.of(ctx)));
                });
        api.get("/api/v1/dialogues")
                .id("listDialogues")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("Dialogues with a round out of draft, and those the caller organizes, newest first")
                .returns(Api.listOf(DialogueViews.DialogueView.class))
                .handle(ctx -> {
                    Language reader = Language.of(ctx);
                    var caller = authentication.account(ctx);
                    ctx.json(dialogues.newest(LISTED).stream()
                            .peek(organizing::applySchedule)
                            .filter(d -> organizing.isPublic(d)
                                    || caller.map(a -> Organizing.organizes(a, d))
                                            .orElse(false))
                            .map(d -> views.of(d, reader))
                            .toList());
                });
        api.get(one)
                .id("getDialogue")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary("One dialogue and its rounds in the reader's language (Accept-Language or ?lang)")
                .returns(DialogueViews.DialogueView.class)
                .handle(ctx -> ctx.json(views.of(organizing.readable(ctx, id(ctx)), Language.of(ctx))));
        api.get(one + "/analysis")
                .id("getDialogueAnalysis")
                .caller(Caller.READER)
                .tag("dialogues")
                .summary(
                        "Across the rounds whose results the caller may read: per carried statement and cohort pair (JP–KR"
                                + " first) the agreement and gap per round with 95% intervals, the paired change among"
                                + " returning participants, and movement between opinion groups")
                .returns(DialogueViews.CrossRoundView.class)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    ctx.json(analysis.view(ctx, d, pages.page(ctx)));
                });
        api.post(one + "/rounds")
                .id("openNextRound")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("Open the next round from the last: chosen statements carry over with their translations"
                        + " (the dialogue's organizers)")
                .body(Organizing.NextRound.class)
                .returns(DialogueViews.DialogueView.class, 201)
                .problems(409)
                .handle(ctx -> {
                    long id = id(ctx);
                    Account organizer = organizing.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, Organizing.NextRound.class);
                    Dialogue d = organizing.nextRound(organizer, dialogues.get(id), in);
                    ctx.status(201).json(views.of(d, Language.of(ctx)));
                });
        api.put(one + "/rounds/{number}/schedule")
                .id("setRoundSchedule")
                .caller(Caller.ACCOUNT)
                .tag("dialogues")
                .summary("When a round opens and closes (UTC instants; either may be null); the round follows it"
                        + " (the dialogue's organizers)")
                .body(Organizing.RoundSchedule.class)
                .returns(DialogueViews.DialogueView.class)
                .handle(ctx -> {
                    long id = id(ctx);
                    organizing.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, Organizing.RoundSchedule.class);
                    int number = (int) Math.min(Integer.MAX_VALUE, PathIds.of(ctx, "number"));
                    ctx.json(views.of(organizing.schedule(dialogues.get(id), number, in), Language.of(ctx)));
                });
        api.post(one + "/returning")
                .id("keepIdentityAcrossRounds")
                .caller(Caller.PARTICIPANT)
                .tag("dialogues")
                .summary("With the participant's consent, one identity across the dialogue's rounds: a return link and"
                        + " a recovery code, shown only in this answer (a participant of any of its rounds)")
                .returns(ReturnPass.class, 201)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    ReturningParticipants.Pass pass = returning.consent(ctx, d);
                    ctx.status(201)
                            .json(new ReturnPass(
                                    pass.personId(),
                                    pass.returnToken(),
                                    returnUrl(d, pass.returnToken()),
                                    pass.recoveryCode()));
                });
        api.post(one + "/return")
                .id("returnToDialogue")
                .caller(Caller.ANYONE)
                .tag("dialogues")
                .summary(
                        "Back into the dialogue's current round as the same person, with the return link's token or the"
                                + " recovery code; the cohort answers carry over")
                .body(ReturnRequest.class)
                .returns(Returned.class)
                .problems(409, 429)
                .handle(ctx -> {
                    Dialogue d = organizing.readable(ctx, id(ctx));
                    var in = Requests.body(ctx, ReturnRequest.class);
                    throttles.join(ctx, null);
                    Language reader = Language.of(ctx);
                    boolean byCode =
                            in.returnToken() == null || in.returnToken().isBlank();
                    if (byCode
                            && (in.recoveryCode() == null || in.recoveryCode().isBlank())) {
                        throw Invalid.field("returnToken", "dialogue.return.missing");
                    }
                    ReturningParticipants.Back back = byCode
                            ? returning.byCode(d, in.recoveryCode(), reader)
                            : returning.byLink(d, in.returnToken(), reader);
                    String renewed = byCode ? returning.renewLink(back.personId()) : null;
                    ctx.json(new Returned(
                            back.personId(),
                            back.round().number(),
                            back.round().conversationId(),
                            returning.publicIdOf(back.participantId()),
                            back.token(),
                            back.newInRound(),
                            returning.cohortsOf(back.participantId()),
                            renewed,
                            renewed == null ? null : returnUrl(d, renewed)));
                });
    }

    static String returnUrl(Dialogue d, String token) {
        return "/d/" + d.id() + "/r/" + token;
    }

    private static long id(Context ctx) {
        return PathIds.of(ctx, "dialogueId");
    }
}
