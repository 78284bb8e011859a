package org.commonground.conversation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The organizer's pages: a dashboard of their conversations, creating one (texts in each
 * language, cohorts, moderation, visibility, seed statements), and managing one (texts and
 * settings, state, seeds, invite links, its team of co-organizers, moderators and translators,
 * participation by cohort).
 */
final class OrganizerPages {
    private final Pages pages;
    private final ConversationStore conversations;
    private final Seeding seeds;
    private final ConversationActivity activity;
    private final InviteStore invites;
    private final Access access;
    private final Accounts accounts;
    private final MachineTranslationOptIn machineTranslation;

    OrganizerPages(
            Pages pages,
            ConversationStore conversations,
            Seeding seeds,
            InviteStore invites,
            Access access,
            Accounts accounts,
            ConversationActivity activity,
            MachineTranslationOptIn machineTranslation) {
        this.machineTranslation = machineTranslation;
        this.pages = pages;
        this.conversations = conversations;
        this.seeds = seeds;
        this.invites = invites;
        this.access = access;
        this.accounts = accounts;
        this.activity = activity;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/organize", this::dashboard);
        routes.get("/organize/new", ctx -> {
            access.requireRole(ctx, Role.ORGANIZER);
            renderForm(ctx, ConversationForm.empty(), Map.of());
        });
        routes.post("/organize/new", this::create);
        routes.get("/organize/c/{conversationId}", ctx -> manage(ctx, Map.of(), null));
        routes.post("/organize/c/{conversationId}/settings", this::saveSettings);
        routes.post("/organize/c/{conversationId}/state", this::changeState);
        routes.post("/organize/c/{conversationId}/seeds", this::addSeed);
        routes.post("/organize/c/{conversationId}/invites", this::createInvite);
        routes.post("/organize/c/{conversationId}/invites/{inviteId}/revoke", this::revokeInvite);
        routes.post("/organize/c/{conversationId}/members", this::addMember);
        routes.post("/organize/c/{conversationId}/members/{accountId}/{role}/remove", this::removeMember);
    }

    private void dashboard(Context ctx) {
        Account me = access.requireAccount(ctx);
        Language reader = Language.of(ctx);
        List<ListedConversation> rows = new ArrayList<>();
        for (Conversation c : conversations.visibleTo(Optional.of(me), Long.MAX_VALUE, 100)) {
            boolean organizer = access.has(me, c.id(), java.util.Set.of("organizer"));
            boolean moderator = organizer || access.has(me, c.id(), java.util.Set.of("moderator"));
            boolean translator = organizer || access.has(me, c.id(), java.util.Set.of("translator"));
            if (!moderator && !translator) {
                continue;
            }
            ConversationActivity.Counts counts = activity.counts(c.id());
            rows.add(new ListedConversation(
                    c,
                    titleOf(c, reader),
                    counts.participants(),
                    counts.votes(),
                    counts.pending(),
                    organizer,
                    moderator,
                    translator));
        }
        pages.render(
                ctx,
                "organize/dashboard.jte",
                Map.of("rows", rows, "canCreate", me.isAdmin() || me.role() == Role.ORGANIZER));
    }

    static String titleOf(Conversation c, Language reader) {
        Conversation.Text t = c.texts().get(c.languageFor(reader));
        return t == null ? "#" + c.id() : t.title();
    }

    private void renderForm(Context ctx, ConversationForm form, Map<String, String> errors) {
        pages.render(ctx, "organize/new.jte", Map.of("form", form, "errors", errors));
    }

    private void create(Context ctx) {
        Account me = access.requireRole(ctx, Role.ORGANIZER);
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
        ConversationForm form = new ConversationForm(values, List.of("country", "role"));
        try {
            List<ConversationStore.CohortSpec> cohorts = new ArrayList<>();
            for (String name : form.cohortNames()) {
                List<String> allowed = split(form.get("cohort_" + name));
                if (!allowed.isEmpty()) {
                    cohorts.add(new ConversationStore.CohortSpec(name, allowed, form.on("cohort_" + name + "_fixed")));
                }
            }
            Conversation created = conversations.create(
                    me.id(),
                    new ConversationStore.NewConversation(
                            texts(form.values()),
                            ModerationMode.fromCode(form.get("moderation")),
                            form.on("can_write"),
                            ResultsVisibility.fromCode(form.get("visibility")),
                            cohorts));
            for (String line : form.get("seeds").split("\\R")) {
                if (!line.isBlank()) {
                    seeds.seed(created.id(), me.id(), line, null);
                }
            }
            ctx.redirect("/organize/c/" + created.id());
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            renderForm(ctx, form, errors(e, ctx));
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            renderForm(ctx, form, Map.of("settings", pages.page(ctx).t("problem.invalid-input")));
        }
    }

    /** Texts per language from fields title_ja, description_ja, background_ja …; a language without a title is left out. */
    static Map<String, Conversation.Text> texts(Map<String, String> values) {
        Map<String, Conversation.Text> texts = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            String title = values.getOrDefault("title_" + l.code(), "").strip();
            if (!title.isEmpty()) {
                texts.put(
                        l.code(),
                        new Conversation.Text(
                                title,
                                values.getOrDefault("description_" + l.code(), "")
                                        .strip(),
                                values.getOrDefault("background_" + l.code(), "")
                                        .strip()));
            }
        }
        return texts;
    }

    static List<String> split(String raw) {
        return Arrays.stream(raw.split("[,、，\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Field errors by field name (and the problem's own message under "form"), in the reader's language. */
    private Map<String, String> errors(CommonGroundException e, Context ctx) {
        var page = pages.page(ctx);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("form", page.t(e.messageKey(), e.args()));
        for (CommonGroundException.FieldError f : e.fieldErrors()) {
            out.merge(f.field(), page.t(f.messageKey(), f.args()), (a, b) -> a + " " + b);
        }
        return out;
    }

    private void manage(Context ctx, Map<String, String> errors, String notice) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Conversation c = conversations.get(id);
        List<ConversationActivity.CohortCount> cohorts = activity.cohorts(id);
        ConversationActivity.Counts counts = activity.counts(id);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", titleOf(c, Language.of(ctx)));
        model.put("cohorts", cohorts);
        model.put("participants", counts.participants());
        model.put("votes", counts.votes());
        model.put("pending", counts.pending());
        model.put("errors", errors);
        model.put("notice", notice == null ? "" : notice);
        model.put("invites", invites.of(id));
        model.put("inviteBase", ctx.scheme() + "://" + ctx.host() + "/c/" + id + "?invite=");
        model.put("members", conversations.members(id));
        model.put("machineTranslationAvailable", machineTranslation.available());
        model.put("machineTranslation", machineTranslation.on(id));
        pages.render(ctx, "organize/conversation.jte", model);
    }

    private void saveSettings(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
        try {
            conversations.update(
                    id,
                    new ConversationStore.ConversationChanges(
                            texts(values),
                            ModerationMode.fromCode(values.getOrDefault("moderation", "post")),
                            "on".equals(values.get("can_write")),
                            ResultsVisibility.fromCode(values.getOrDefault("visibility", "public"))));
            // The switch is on the form only where the server has a service; elsewhere it stays as it is.
            if (machineTranslation.available()) {
                machineTranslation.set(id, "on".equals(values.get("machine_translation")));
            }
            ctx.redirect("/organize/c/" + id + "?saved=settings");
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(ctx, errors(e, ctx), null);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("settings", "problem.invalid-input");
        }
    }

    private void changeState(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        ConversationState to;
        try {
            to = ConversationState.fromCode(
                    Optional.ofNullable(ctx.formParam("state")).orElse(""));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("state", "problem.invalid-input");
        }
        conversations.transition(id, to);
        ctx.redirect("/organize/c/" + id + "?saved=state");
    }

    private void createInvite(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        Conversation c = conversations.get(id);
        Map<String, String> cohort = new LinkedHashMap<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            String v = ctx.formParam("cohort_" + d.name());
            if (v != null && !v.isBlank()) {
                cohort.put(d.name(), v);
            }
        }
        String rawMax =
                Optional.ofNullable(ctx.formParam("max_uses")).orElse("").strip();
        try {
            Integer maxUses;
            try {
                maxUses = rawMax.isEmpty() ? null : Integer.valueOf(rawMax);
            } catch (NumberFormatException e) {
                throw Invalid.field("maxUses", "input.number.range", 1, InviteStore.MAX_USES_LIMIT);
            }
            invites.create(id, ctx.formParam("label"), maxUses, cohort);
            ctx.redirect("/organize/c/" + id + "?saved=invite#invites-h");
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(ctx, Map.of("invite", String.join(" ", errors(e, ctx).values())), null);
        }
    }

    private void revokeInvite(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        invites.revoke(id, PathIds.of(ctx, "inviteId"));
        ctx.redirect("/organize/c/" + id + "?saved=invite#invites-h");
    }

    /**
     * Gives the account with the e-mail entered a role; a translator's languages are the boxes
     * ticked (none ticked is refused: a translator needs one).
     */
    private void addMember(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        try {
            MemberRole role = MemberRole.parse(
                            Optional.ofNullable(ctx.formParam("role")).orElse(""))
                    .orElseThrow(() -> Invalid.field("role", "problem.enum-value", "organizer, moderator, translator"));
            Account account = accounts.findByEmail(email)
                    .filter(a -> !a.disabled())
                    .orElseThrow(() -> Invalid.field("email", "member.email.unknown", email));
            TranslatorLanguages languages = role == MemberRole.TRANSLATOR
                    ? new TranslatorLanguages(ctx.formParams("languages").stream()
                            .map(Language::parse)
                            .flatMap(Optional::stream)
                            .toList())
                    : null;
            conversations.addMember(id, account.id(), role, languages);
            ctx.redirect("/organize/c/" + id + "?saved=member#team-h");
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(ctx, Map.of("member", String.join(" ", errors(e, ctx).values())), null);
        }
    }

    private void removeMember(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        conversations.removeMember(id, PathIds.of(ctx, "accountId"), ctx.pathParam("role"));
        ctx.redirect("/organize/c/" + id + "?saved=member#team-h");
    }

    private void addSeed(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Account me = access.requireOrganizer(ctx, id);
        try {
            seeds.seed(id, me.id(), ctx.formParam("text"), null);
            ctx.redirect("/organize/c/" + id + "?saved=seed");
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            manage(ctx, Map.of("seed", pages.page(ctx).t(e.messageKey(), e.args())), null);
        }
    }
}
