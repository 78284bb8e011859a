package org.commonground.translation;

import java.util.Set;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.conversation.MachineTranslationOptIn;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The organizer's API: turning machine translation on for a conversation, and its glossary. */
final class MachineTranslationRoutes {
    private final MachineTranslationSettings settings;
    private final TranslationJobStore jobs;
    private final GlossaryStore glossaries;
    private final Access access;
    private final MachineTranslationOptIn optIn;

    MachineTranslationRoutes(
            MachineTranslationSettings settings,
            TranslationJobStore jobs,
            GlossaryStore glossaries,
            Access access,
            MachineTranslationOptIn optIn) {
        this.settings = settings;
        this.jobs = jobs;
        this.glossaries = glossaries;
        this.access = access;
        this.optIn = optIn;
    }

    public record MachineTranslationChange(Boolean machineTranslation) {}

    MachineTranslationView view(long conversationId) {
        return new MachineTranslationView(
                jobs.enabled(conversationId),
                settings.on(),
                settings.serviceName(),
                settings.where(),
                settings.on() && settings.local());
    }

    /** Turns it on or off; on is refused (409) on a deployment without a service. */
    MachineTranslationView change(long conversationId, boolean on) {
        optIn.set(conversationId, on);
        return view(conversationId);
    }

    void addTo(Api api) {
        String one = "/api/v1/conversations/{conversationId}";
        api.get(one + "/machine-translation")
                .id("getMachineTranslation")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary("Whether the conversation's texts are machine-translated, and by which service (organizers)")
                .returns(MachineTranslationView.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    ctx.json(view(id));
                });
        api.put(one + "/machine-translation")
                .id("setMachineTranslation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("translation")
                .summary("Turn machine translation on or off (organizers): {\"machineTranslation\": true}; nothing "
                        + "leaves the server for a conversation that has not turned it on")
                .body(MachineTranslationChange.class)
                .returns(MachineTranslationView.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, MachineTranslationChange.class);
                    if (in.machineTranslation() == null) {
                        throw Invalid.field("machineTranslation", "machine-translation.flag.missing");
                    }
                    ctx.json(change(id, in.machineTranslation()));
                });
        api.get(one + "/glossary")
                .id("getGlossary")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary(
                        "The agreed renderings of contested names in ja / ko / en (organizers, moderators, translators)")
                .returns(Glossary.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    Account a = access.requireAccount(ctx);
                    if (!access.has(a, id, Set.of("organizer", "moderator", "translator"))) {
                        throw Forbidden.role();
                    }
                    ctx.json(glossaries.of(id));
                });
        api.put(one + "/glossary")
                .id("replaceGlossary")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary("Replace the glossary (organizers): each term in at least two of ja, ko, en, up to 100 "
                        + "characters each; applied to machine translation and shown to translators")
                .body(Glossary.class)
                .returns(Glossary.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, Glossary.class);
                    ctx.json(glossaries.replace(id, in.terms()));
                });
    }
}
