package org.commonground.participation;

import org.commonground.statement.Statements;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** Participants writing statements. (Organizer seed statements belong to the conversation feature.) */
final class StatementRoutes {
    private final Authorship authorship;

    StatementRoutes(Authorship authorship) {
        this.authorship = authorship;
    }

    public void addTo(Api api) {
        api.tag("statements", "Statements participants write, in their own language");
        api.post("/api/v1/conversations/{conversationId}/statements")
                .id("writeStatement")
                .caller(Caller.PARTICIPANT)
                .problems(409, 410, 429)
                .tag("statements")
                .summary(
                        "A participant writes a statement (pending under pre-moderation, shown at once under post-moderation); 429 with Retry-After past the participant's statement quota")
                .body(Statements.WriteStatement.class)
                .returns(Statements.StatementView.class, 201)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Statements.WriteStatement request = Requests.body(ctx, Statements.WriteStatement.class);
                    ctx.status(201).json(authorship.write(ctx, conversationId, request));
                });
    }
}
