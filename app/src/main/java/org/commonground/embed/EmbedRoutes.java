package org.commonground.embed;

import java.util.List;
import org.commonground.conversation.Access;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** The organizer's list of origins allowed to embed the conversation. */
final class EmbedRoutes {
    private final EmbedStore store;
    private final Access access;

    EmbedRoutes(EmbedStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /** The origins ({@code https://news.example}) whose pages may frame the embed pages. */
    record EmbedOriginList(List<String> origins) {}

    void addTo(Api api) {
        api.tag(
                "embed",
                "Embedding the vote card and the summary in other sites' pages, for the origins the organizer lists");
        String path = "/api/v1/conversations/{conversationId}/embed-origins";
        api.get(path)
                .id("getEmbedOrigins")
                .caller(Caller.ACCOUNT)
                .tag("embed")
                .summary("The origins allowed to frame /embed/c/{conversationId} and its summary (CSP frame-ancestors)")
                .returns(EmbedOriginList.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    ctx.json(new EmbedOriginList(store.origins(id)));
                });
        api.put(path)
                .id("putEmbedOrigins")
                .caller(Caller.ACCOUNT)
                .tag("embed")
                .summary(
                        "Replace the allowed origins: each http(s)://host[:port], at most 20; an empty list forbids framing")
                .body(EmbedOriginList.class)
                .returns(EmbedOriginList.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    EmbedOriginList in = Requests.body(ctx, EmbedOriginList.class);
                    List<String> origins = EmbedOrigins.validate(in.origins());
                    store.replace(id, origins);
                    ctx.json(new EmbedOriginList(store.origins(id)));
                });
    }
}
