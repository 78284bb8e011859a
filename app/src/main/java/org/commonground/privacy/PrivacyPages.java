package org.commonground.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.participation.Participant;
import org.commonground.participation.Participants;
import org.commonground.web.Json;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The conversation's privacy page, a participant's download and erasure of their data (linked
 * from their "where you stand" page and the privacy page), and the organizer's erasure policy.
 */
final class PrivacyPages {
    private final Pages pages;
    private final Privacy privacy;
    private final Readable readable;
    private final Access access;
    private final Participants participants;

    PrivacyPages(Pages pages, Privacy privacy, Readable readable, Access access, Participants participants) {
        this.pages = pages;
        this.privacy = privacy;
        this.readable = readable;
        this.access = access;
        this.participants = participants;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/c/{conversationId}/privacy", this::notice);
        routes.get("/c/{conversationId}/you/data.json", this::download);
        routes.get("/c/{conversationId}/you/delete", ctx -> confirm(ctx, false));
        routes.post("/c/{conversationId}/you/delete", this::erase);
        routes.get("/organize/c/{conversationId}/privacy", this::policy);
        routes.post("/organize/c/{conversationId}/privacy", this::savePolicy);
    }

    private void notice(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = readable.conversation(ctx, id);
        Page page = pages.page(ctx);
        PrivacyNotice notice = privacy.notice(c);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, page.lang()));
        model.put("notice", notice);
        model.put(
                "asked",
                list(
                        page,
                        notice.cohortQuestions().stream()
                                .filter(d -> !notice.fixedByInvite().contains(d))
                                .toList()));
        model.put("byInvite", list(page, notice.fixedByInvite()));
        model.put("joined", participants.find(ctx, id).isPresent());
        pages.render(ctx, "privacy/notice.jte", model);
    }

    /** Dimension names as the reader knows them, in the reader's list style. */
    private static String list(Page page, List<String> dimensions) {
        return String.join(
                page.t("privacy.list.separator"),
                dimensions.stream().map(page::dimension).toList());
    }

    private void download(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Optional<Participant> p = participantOrJoin(ctx, id);
        if (p.isEmpty()) {
            return;
        }
        ParticipantData data = privacy.download(p.get(), pages.page(ctx));
        String json;
        try {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + id + "-my-data.json\"");
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    /** The confirmation before erasure: what will be deleted under the conversation's policy. */
    private void confirm(Context ctx, boolean unconfirmed) {
        long id = PathIds.of(ctx, "conversationId");
        Optional<Participant> p = participantOrJoin(ctx, id);
        if (p.isEmpty()) {
            return;
        }
        if (unconfirmed) {
            ctx.status(422);
        }
        Privacy.Preview preview = privacy.preview(p.get());
        pages.render(
                ctx,
                "privacy/erase.jte",
                Map.of(
                        "conversationId", id,
                        "title", title(ctx, id),
                        "policy", preview.policy().code(),
                        "votes", preview.votes(),
                        "statements", preview.statements(),
                        "unconfirmed", unconfirmed));
    }

    private void erase(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Optional<Participant> p = participantOrJoin(ctx, id);
        if (p.isEmpty()) {
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            confirm(ctx, true);
            return;
        }
        String title = title(ctx, id);
        PrivacyStore.Erased erased = privacy.erase(p.get());
        ctx.removeCookie(Participants.cookieName(id), "/");
        pages.render(
                ctx,
                "privacy/erased.jte",
                Map.of(
                        "conversationId", id,
                        "title", title,
                        "votes", erased.votes(),
                        "deleted", erased.deleted().size(),
                        "anonymised", erased.anonymised().size()));
    }

    private void policy(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        pages.render(
                ctx,
                "privacy/organize.jte",
                Map.of(
                        "c",
                        c,
                        "title",
                        Readable.title(c, Language.of(ctx)),
                        "erasure",
                        privacy.erasure(id).code(),
                        "saved",
                        ctx.queryParam("saved") != null));
    }

    private void savePolicy(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        ErasurePolicy policy = ErasurePolicy.parse(ctx.formParam("erasure"))
                .orElseThrow(() -> org.commonground.problem.Invalid.field("erasure", "privacy.erasure.invalid"));
        privacy.setErasure(id, policy);
        ctx.redirect("/organize/c/" + id + "/privacy?saved=1", HttpStatus.SEE_OTHER);
    }

    /** The conversation's title for a participant's pages, whatever its state (erasure works even once archived). */
    private String title(Context ctx, long id) {
        return Readable.title(privacy.conversation(id), Language.of(ctx));
    }

    /** The participant of this conversation, or a redirect to its landing page (nothing is kept about a visitor). */
    private Optional<Participant> participantOrJoin(Context ctx, long id) {
        Optional<Participant> p = participants.find(ctx, id);
        if (p.isEmpty()) {
            ctx.redirect("/c/" + id + "/privacy", HttpStatus.SEE_OTHER);
        }
        return p;
    }
}
