package org.commonground.privacy;

import io.javalin.http.Context;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.participation.Participant;
import org.commonground.participation.Participants;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The privacy notice, the organizer's erasure policy, and a participant's download and erasure of their data. */
final class PrivacyRoutes {
    private final Privacy privacy;
    private final Readable readable;
    private final Access access;
    private final Participants participants;
    private final Pages pages;

    PrivacyRoutes(Privacy privacy, Readable readable, Access access, Participants participants, Pages pages) {
        this.privacy = privacy;
        this.readable = readable;
        this.access = access;
        this.participants = participants;
        this.pages = pages;
    }

    /** The organizer's choice: {@code anonymise} (the default) or {@code delete}. */
    record ErasureChange(String erasure) {}

    /**
     * What an erasure did.
     *
     * @param votesDeleted                the participant's vote events deleted (changes of vote included)
     * @param statementsDeleted           their statements deleted
     * @param statementsKeptWithoutAuthor their statements others voted on, kept without author (policy anonymise)
     */
    record ErasureReport(String erasure, int votesDeleted, int statementsDeleted, int statementsKeptWithoutAuthor) {
        static ErasureReport of(PrivacyStore.Erased e) {
            return new ErasureReport(
                    e.policy().code(),
                    e.votes(),
                    e.deleted().size(),
                    e.anonymised().size());
        }
    }

    void addTo(Api api) {
        api.tag(
                "privacy",
                "What a conversation keeps about its participants and who sees it; a participant's download and erasure of their own data");
        String one = "/api/v1/conversations/{conversationId}";
        api.get(one + "/privacy")
                .id("getPrivacyNotice")
                .caller(Caller.READER)
                .problems(410)
                .tag("privacy")
                .summary(
                        "What the conversation stores about participants and who sees it, from its actual settings "
                                + "(results visibility, moderation, cohort questions, machine translation service, erasure policy)")
                .returns(PrivacyNotice.class)
                .handle(ctx -> ctx.json(privacy.notice(readable.conversation(ctx, id(ctx)))));
        api.put(one + "/privacy")
                .id("setErasurePolicy")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("privacy")
                .summary("Choose what a participant's erasure does to their statements (organizers): anonymise "
                        + "(default: statements others voted on stay without author, the rest are deleted) or delete")
                .body(ErasureChange.class)
                .returns(PrivacyNotice.class)
                .handle(ctx -> {
                    long id = id(ctx);
                    access.requireOrganizer(ctx, id);
                    ErasureChange in = Requests.body(ctx, ErasureChange.class);
                    ErasurePolicy policy = ErasurePolicy.parse(in.erasure())
                            .orElseThrow(() -> Invalid.field("erasure", "privacy.erasure.invalid"));
                    privacy.setErasure(id, policy);
                    Conversation c = readable.conversation(ctx, id);
                    ctx.json(privacy.notice(c));
                });
        api.get(one + "/participants/me/data")
                .id("downloadParticipantData")
                .caller(Caller.PARTICIPANT)
                .problems(422)
                .tag("privacy")
                .summary("Everything stored about the calling participant: pseudonym, cohort answers, every vote with "
                        + "its time, the statements they wrote; labels and texts in their language (or ?lang=)")
                .returns(ParticipantData.class)
                .handle(ctx -> {
                    Participant p = participants.require(ctx, id(ctx));
                    ctx.header("Cache-Control", "no-store");
                    ctx.json(privacy.download(p, pageIn(ctx, p)));
                });
        api.delete(one + "/participants/me")
                .id("eraseParticipantData")
                .caller(Caller.PARTICIPANT)
                .tag("privacy")
                .summary(
                        "Erase the calling participant's data: votes and cohort answers deleted, statements deleted or "
                                + "kept without author as the conversation's erasure policy says; the token stops working and "
                                + "the results recompute without them")
                .returns(ErasureReport.class)
                .handle(ctx -> {
                    Participant p = participants.require(ctx, id(ctx));
                    ctx.json(ErasureReport.of(privacy.erase(p)));
                });
    }

    /** The reader's page, in the participant's own language unless {@code ?lang=} asks for another. */
    private Page pageIn(Context ctx, Participant p) {
        Page page = pages.page(ctx);
        String asked = ctx.queryParam("lang");
        Language lang = asked == null
                ? Language.parse(p.language()).orElse(page.lang())
                : Language.parse(asked).orElseThrow(() -> Invalid.field("lang", "participant.language.invalid"));
        return new Page(
                lang, page.messages(), page.assets(), page.csrf(), page.path(), page.otherQuery(), page.signedIn());
    }

    private static long id(Context ctx) {
        return PathIds.of(ctx, "conversationId");
    }
}
