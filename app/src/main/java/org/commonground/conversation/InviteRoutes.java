package org.commonground.conversation;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** Organizers create, list and revoke invite links per cohort. Joining with one belongs to participation. */
final class InviteRoutes {
    /** Where a browser opens an invite; the join page lives under this path. */
    public static final String JOIN_PATH = "/join/";

    private final InviteStore invites;
    private final Access access;

    InviteRoutes(InviteStore invites, Access access) {
        this.invites = invites;
        this.access = access;
    }

    /** An invite link to create; {@code cohort} maps dimension names to the values it fixes. */
    public record NewInvite(String label, Integer maxUses, Map<String, String> cohort) {}

    public record InviteView(
            long id,
            String code,
            String url,
            String label,
            Integer maxUses,
            int uses,
            boolean usable,
            Map<String, String> cohort,
            Instant createdAt,
            Instant revokedAt) {
        static InviteView of(InviteStore.Invite i, Context ctx) {
            return new InviteView(
                    i.id(),
                    i.code(),
                    baseUrl(ctx) + JOIN_PATH + i.code(),
                    i.label(),
                    i.maxUses(),
                    i.uses(),
                    i.usable(),
                    i.cohort(),
                    i.createdAt(),
                    i.revokedAt());
        }
    }

    public void addTo(Api api) {
        api.tag("invites", "Invite links per cohort that organizers hand out; joining with one is under participation");
        String invitesPath = "/api/v1/conversations/{conversationId}/invites";
        api.post(invitesPath)
                .id("createInvite")
                .caller(Caller.ACCOUNT)
                .tag("invites")
                .summary("Create an invite link, optionally fixing cohort values and limiting uses")
                .body(NewInvite.class)
                .returns(InviteView.class, 201)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    NewInvite in = Requests.body(ctx, NewInvite.class);
                    ctx.status(201).json(InviteView.of(invites.create(id, in.label(), in.maxUses(), in.cohort()), ctx));
                });
        api.get(invitesPath)
                .id("listInvites")
                .caller(Caller.ACCOUNT)
                .tag("invites")
                .summary("The conversation's invite links with their use counts")
                .returns(Api.listOf(InviteView.class))
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    ctx.json(invites.of(id).stream()
                            .map(i -> InviteView.of(i, ctx))
                            .toList());
                });
        api.delete(invitesPath + "/{inviteId}")
                .id("revokeInvite")
                .caller(Caller.ACCOUNT)
                .tag("invites")
                .summary("Revoke an invite link; people who joined stay")
                .noContent()
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    invites.revoke(id, PathIds.of(ctx, "inviteId"));
                    ctx.status(204);
                });
    }

    /** The server's address as the client reached it (behind a proxy, its Host header). */
    private static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null ? "localhost" : host);
    }
}
