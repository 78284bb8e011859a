package org.commonground.integrity;

import java.util.List;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The integrity panel's data and the exclusion decisions, for moderators, organizers and admins of the conversation. */
final class IntegrityRoutes {
    private final IntegrityReview review;
    private final Access access;

    IntegrityRoutes(IntegrityReview review, Access access) {
        this.review = review;
        this.access = access;
    }

    void addTo(Api api) {
        api.tag("integrity", "Brigading signals, and leaving participants out of the analysis (audited, reversible)");
        String base = "/api/v1/conversations/{conversationId}/integrity";
        api.get(base)
                .id("getIntegritySignals")
                .caller(Caller.ACCOUNT)
                .tag("integrity")
                .summary(
                        "Join bursts per invite and cohort, clusters of near-identical voters who joined close together, "
                                + "one-value voters, statements whose support comes mostly from them; with the thresholds used")
                .returns(IntegrityView.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireModerator(ctx, id);
                    ctx.json(review.signals(id));
                });
        api.post(base + "/exclusions")
                .id("excludeParticipants")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("integrity")
                .summary("Leave participants out of the analysis (reason coordinated, one-value or other; a note); "
                        + "their votes are kept; recorded in the audit log")
                .body(IntegrityReview.Decision.class)
                .returns(AuditEntry.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    Account moderator = access.requireModerator(ctx, id);
                    ctx.json(review.exclude(id, moderator, Requests.body(ctx, IntegrityReview.Decision.class)));
                });
        api.post(base + "/restorations")
                .id("restoreParticipants")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("integrity")
                .summary("Bring participants left out back into the analysis (a note); recorded in the audit log")
                .body(IntegrityReview.Decision.class)
                .returns(AuditEntry.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    Account moderator = access.requireModerator(ctx, id);
                    ctx.json(review.restore(id, moderator, Requests.body(ctx, IntegrityReview.Decision.class)));
                });
        api.get(base + "/audit")
                .id("listExclusionAudit")
                .caller(Caller.ACCOUNT)
                .tag("integrity")
                .summary("The audit log of exclusions and restorations, newest first: who, when, why, how many")
                .returns(Api.listOf(AuditEntry.class))
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireModerator(ctx, id);
                    List<AuditEntry> log = review.audit(id);
                    ctx.json(log);
                });
    }
}
