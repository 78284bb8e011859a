package org.commonground.participation;

import org.commonground.statement.StatementStore;
import org.commonground.web.PathIds;
import org.commonground.web.Api;
import org.commonground.web.Requests;
import org.commonground.web.Throttles;

/** Participants writing statements. (Organizer seed statements belong to the conversation feature.) */
final class StatementRoutes {
    private final StatementStore statements;
    private final Participants participants;
    private final Throttles throttles;

    StatementRoutes(StatementStore statements, Participants participants, Throttles throttles) {
        this.statements = statements;
        this.participants = participants;
        this.throttles = throttles;
    }

    public void addTo(Api api) {
        api.post("/api/v1/conversations/{conversationId}/statements").tag("statements")
                .summary("A participant writes a statement (pending under pre-moderation, shown at once under post-moderation); 429 with Retry-After past the participant's statement quota")
                .body(StatementStore.WriteStatement.class).returns(StatementStore.StatementView.class, 201).handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Participant author = participants.require(ctx, conversationId);
                    StatementStore.WriteStatement request = Requests.body(ctx, StatementStore.WriteStatement.class);
                    throttles.statement(author.id());
                    ctx.status(201).json(statements.write(conversationId, author.id(), request));
                });
    }
}
