package org.commonground.moderation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.problem.Invalid;
import org.commonground.statement.QueueItem;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The moderation queue, for moderators, organizers and admins of the conversation. */
final class ModerationRoutes {
    private final ModerationDesk moderation;
    private final QueueEntries entries;
    private final Access access;

    ModerationRoutes(ModerationDesk moderation, QueueEntries entries, Access access) {
        this.moderation = moderation;
        this.entries = entries;
        this.access = access;
    }

    public void addTo(Api api) {
        api.tag("moderation", "The moderators' queue and their accept / reject decisions");
        api.get("/api/v1/conversations/{conversationId}/moderation/statements")
                .id("listModerationQueue")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("moderation")
                .summary("The moderation queue: pending first; ?state=pending|accepted|rejected, ?limit=, ?offset=")
                .returns(new TypeReference<List<QueueItem>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    access.requireModerator(ctx, conversationId);
                    ctx.json(moderation.queue(
                            conversationId,
                            ctx.queryParam("state"),
                            intParam(ctx.queryParam("limit"), 100, "limit"),
                            intParam(ctx.queryParam("offset"), 0, "offset")));
                });

        api.get("/api/v1/conversations/{conversationId}/moderation/duplicates")
                .id("listDuplicateClusters")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("moderation")
                .summary("Clusters of near-duplicate statements (within and across languages) among the whole queue "
                        + "of ?state=pending (default)|accepted|rejected and the statements alike them")
                .returns(new TypeReference<List<DuplicateCluster>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    access.requireModerator(ctx, conversationId);
                    String state = ctx.queryParam("state") == null ? "pending" : ctx.queryParam("state");
                    if (!java.util.Set.of("pending", "accepted", "rejected").contains(state)) {
                        throw Invalid.field("state", "moderation.state.invalid");
                    }
                    ctx.json(entries.clusters(conversationId, java.util.Set.of(state)));
                });

        api.post("/api/v1/conversations/{conversationId}/statements/{statementId}/moderation")
                .id("moderateStatement")
                .caller(Caller.ACCOUNT)
                .tag("moderation")
                .summary("Accept or reject a statement (a rejection needs a reason, or duplicateOf: the statement it "
                        + "repeats, whose voters are then offered it); recorded with moderator and time")
                .body(ModerationDesk.Decision.class)
                .returns(QueueItem.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long statementId = PathIds.of(ctx, "statementId");
                    Account moderator = access.requireModerator(ctx, conversationId);
                    ModerationDesk.Decision decision = Requests.body(ctx, ModerationDesk.Decision.class);
                    ctx.json(moderation.decide(conversationId, statementId, moderator.id(), decision));
                });
    }

    private static int intParam(String raw, int fallback, String name) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw Invalid.field(name, "moderation." + name + ".invalid", ModerationDesk.MAX_PAGE);
        }
    }
}
