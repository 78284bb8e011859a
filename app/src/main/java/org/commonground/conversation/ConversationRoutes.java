package org.commonground.conversation;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.account.Role;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** Organizers create and configure conversations, seed statements and manage staff; anyone reads what they may. */
final class ConversationRoutes {
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final ConversationStore conversations;
    private final Seeding seeds;
    private final Authentication authentication;
    private final Access access;
    private final MachineTranslationOptIn machineTranslation;

    ConversationRoutes(
            ConversationStore conversations,
            Seeding seeds,
            Authentication authentication,
            Access access,
            MachineTranslationOptIn machineTranslation) {
        this.machineTranslation = machineTranslation;
        this.conversations = conversations;
        this.seeds = seeds;
        this.authentication = authentication;
        this.access = access;
    }

    public record CohortView(String name, List<String> values, boolean fixedByInvite) {
        static List<CohortView> of(Conversation c) {
            return c.cohorts().stream()
                    .map(d -> new CohortView(d.name(), d.values(), d.fixedByInvite()))
                    .toList();
        }
    }

    /** A conversation as a reader sees it, in their language when it exists (see {@code language}). */
    public record ConversationView(
            long id,
            ConversationState state,
            Language language,
            List<Language> availableLanguages,
            String title,
            String description,
            String background,
            ModerationMode moderationMode,
            boolean participantsCanWrite,
            ResultsVisibility resultsVisibility,
            List<CohortView> cohorts,
            Instant createdAt,
            Instant updatedAt) {
        static ConversationView of(Conversation c, Language reader) {
            Language lang = c.languageFor(reader);
            Conversation.Text t = c.texts().get(lang);
            return new ConversationView(
                    c.id(),
                    c.state(),
                    lang,
                    c.languages(),
                    t.title(),
                    t.description(),
                    t.background(),
                    c.moderationMode(),
                    c.participantsCanWrite(),
                    c.resultsVisibility(),
                    CohortView.of(c),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    public record ConversationSummary(
            long id,
            ConversationState state,
            Language language,
            List<Language> availableLanguages,
            String title,
            Instant createdAt) {
        static ConversationSummary of(Conversation c, Language reader) {
            Language lang = c.languageFor(reader);
            return new ConversationSummary(
                    c.id(),
                    c.state(),
                    lang,
                    c.languages(),
                    c.texts().isEmpty() ? "" : c.texts().get(lang).title(),
                    c.createdAt());
        }
    }

    /** A member; {@code languages} are what a translator translates into, first the one their desk opens on. */
    public record MemberView(long accountId, String email, MemberRole role, List<Language> languages) {
        static List<MemberView> of(List<ConversationStore.Member> members) {
            return members.stream()
                    .map(m -> new MemberView(m.accountId(), m.email(), m.role(), m.languages()))
                    .toList();
        }
    }

    /** Everything an organizer configures, with the texts in every language. */
    public record ConversationSettings(
            long id,
            Long ownerId,
            ConversationState state,
            Map<String, Conversation.Text> texts,
            ModerationMode moderationMode,
            boolean participantsCanWrite,
            ResultsVisibility resultsVisibility,
            List<CohortView> cohorts,
            List<MemberView> members,
            boolean machineTranslation,
            Instant createdAt,
            Instant updatedAt) {
        static ConversationSettings of(
                Conversation c, List<ConversationStore.Member> members, boolean machineTranslation) {
            Map<String, Conversation.Text> texts = new TreeMap<>();
            c.texts().forEach((lang, t) -> texts.put(lang.code(), t));
            return new ConversationSettings(
                    c.id(),
                    c.ownerId(),
                    c.state(),
                    texts,
                    c.moderationMode(),
                    c.participantsCanWrite(),
                    c.resultsVisibility(),
                    CohortView.of(c),
                    MemberView.of(members),
                    machineTranslation,
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    /**
     * Changes to a conversation's settings; absent fields stay. {@code machineTranslation} turns
     * machine translation of its texts on or off (on: 409 on a server without a service).
     */
    public record SettingsChange(
            Map<String, Conversation.Text> texts,
            ModerationMode moderationMode,
            Boolean participantsCanWrite,
            ResultsVisibility resultsVisibility,
            Boolean machineTranslation) {
        ConversationStore.ConversationChanges changes() {
            return new ConversationStore.ConversationChanges(
                    texts, moderationMode, participantsCanWrite, resultsVisibility);
        }
    }

    private ConversationSettings settings(Conversation c) {
        return ConversationSettings.of(c, conversations.members(c.id()), machineTranslation.on(c.id()));
    }

    public record StateChange(ConversationState state) {}

    public record CohortsChange(List<ConversationStore.CohortSpec> cohorts) {}

    /**
     * A role for an account. {@code languages} (ja, ko, en; translators only) are what a translator
     * translates into; left out, a new translator gets all three.
     */
    public record NewMember(Long accountId, MemberRole role, List<String> languages) {}

    /** A seed statement; {@code lang} is detected from the script when absent. */
    public record NewSeed(String text, Language lang) {}

    public record SeedView(
            long id,
            long conversationId,
            String text,
            Language lang,
            boolean seed,
            String moderationState,
            Instant createdAt) {
        static SeedView of(Seeding.Seed s) {
            return new SeedView(s.id(), s.conversationId(), s.text(), s.lang(), true, "accepted", s.createdAt());
        }
    }

    public void addTo(Api api) {
        api.tag(
                "conversations",
                "Creating, configuring and reading conversations: texts in ja / ko / en, state, cohorts, staff and seed statements");
        String one = "/api/v1/conversations/{conversationId}";
        api.post("/api/v1/conversations")
                .id("createConversation")
                .caller(Caller.ACCOUNT)
                .tag("conversations")
                .summary("Create a conversation (organizers and admins)")
                .body(ConversationStore.NewConversation.class)
                .returns(ConversationSettings.class, 201)
                .handle(this::create);
        api.get("/api/v1/conversations")
                .id("listConversations")
                .caller(Caller.READER)
                .problems(422)
                .tag("conversations")
                .summary("Conversations visible to the caller, newest first (?limit, ?before=id)")
                .returns(Api.listOf(ConversationSummary.class))
                .handle(this::list);
        api.get(one)
                .id("getConversation")
                .caller(Caller.READER)
                .problems(410)
                .tag("conversations")
                .summary("One conversation in the reader's language (Accept-Language or ?lang)")
                .returns(ConversationView.class)
                .handle(this::read);
        api.get(one + "/settings")
                .id("getConversationSettings")
                .caller(Caller.ACCOUNT)
                .tag("conversations")
                .summary("All settings and texts of a conversation (organizers)")
                .returns(ConversationSettings.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    ctx.json(settings(conversations.get(id)));
                });
        api.patch(one)
                .id("updateConversation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("conversations")
                .summary("Change settings or texts (organizers); absent fields stay; machineTranslation true is "
                        + "refused (409) on a server without a machine translation service")
                .body(SettingsChange.class)
                .returns(ConversationSettings.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, SettingsChange.class);
                    if (Boolean.TRUE.equals(in.machineTranslation()) && !machineTranslation.available()) {
                        // Before anything is written: the whole change is refused, not half of it.
                        throw new Conflict("machine-translation-unavailable", "machine-translation.unavailable");
                    }
                    Conversation updated = conversations.update(id, in.changes());
                    if (in.machineTranslation() != null) {
                        machineTranslation.set(id, in.machineTranslation());
                    }
                    ctx.json(settings(updated));
                });
        api.put(one + "/state")
                .id("changeConversationState")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("conversations")
                .summary("Move through draft → open → closed → archived (closed → open reopens)")
                .body(StateChange.class)
                .returns(ConversationSettings.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, StateChange.class);
                    ctx.json(settings(conversations.transition(id, in.state())));
                });
        api.put(one + "/cohorts")
                .id("replaceCohorts")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("conversations")
                .summary("Replace the cohort dimensions (drafts without invites only)")
                .body(CohortsChange.class)
                .returns(ConversationSettings.class)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, CohortsChange.class);
                    ctx.json(settings(conversations.replaceCohorts(id, in.cohorts())));
                });
        api.get(one + "/members")
                .id("listMembers")
                .caller(Caller.ACCOUNT)
                .tag("conversations")
                .summary("Co-organizers, moderators and translators")
                .returns(Api.listOf(MemberView.class))
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    ctx.json(MemberView.of(conversations.members(id)));
                });
        api.post(one + "/members")
                .id("addMember")
                .caller(Caller.ACCOUNT)
                .tag("conversations")
                .summary(
                        "Give an account a role on the conversation; a translator's languages (ja, ko, en; default all) "
                                + "are set again by posting the same account and role")
                .body(NewMember.class)
                .returns(Api.listOf(MemberView.class), 201)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, NewMember.class);
                    TranslatorLanguages languages = TranslatorLanguages.fromCodes(in.languages());
                    ctx.status(201)
                            .json(MemberView.of(conversations.addMember(id, in.accountId(), in.role(), languages)));
                });
        api.delete(one + "/members/{accountId}/{role}")
                .id("removeMember")
                .caller(Caller.ACCOUNT)
                .tag("conversations")
                .summary("Take a role away from a member")
                .noContent()
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    access.requireOrganizer(ctx, id);
                    conversations.removeMember(id, PathIds.of(ctx, "accountId"), ctx.pathParam("role"));
                    ctx.status(204);
                });
        api.post(one + "/seeds")
                .id("seedStatement")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("conversations")
                .summary("Seed a statement (organizers); accepted at once, near-duplicates refused with 409")
                .body(NewSeed.class)
                .returns(SeedView.class, 201)
                .handle(ctx -> {
                    long id = PathIds.of(ctx, "conversationId");
                    Account organizer = access.requireOrganizer(ctx, id);
                    var in = Requests.body(ctx, NewSeed.class);
                    ctx.status(201).json(SeedView.of(seeds.seed(id, organizer.id(), in.text(), in.lang())));
                });
    }

    private void create(Context ctx) {
        Account organizer = access.requireRole(ctx, Role.ORGANIZER);
        var in = Requests.body(ctx, ConversationStore.NewConversation.class);
        Conversation created = conversations.create(organizer.id(), in);
        ctx.status(201).json(ConversationSettings.of(created, List.of(), machineTranslation.on(created.id())));
    }

    private void list(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        long before =
                ctx.queryParam("before") == null ? Long.MAX_VALUE : intParam(ctx, "before", 0, 1, Integer.MAX_VALUE);
        Language reader = Language.of(ctx);
        ctx.json(conversations.visibleTo(authentication.account(ctx), before, limit).stream()
                .map(c -> ConversationSummary.of(c, reader))
                .toList());
    }

    /**
     * Drafts do not exist for anyone but the conversation's staff (404); archived conversations are
     * gone (410) for everyone else, including their participants.
     */
    private void read(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Conversation c = conversations.get(id);
        c.state().requireReadable(id, () -> access.isStaff(ctx, id));
        ctx.json(ConversationView.of(c, Language.of(ctx)));
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Invalid.field(name, "input.number.range", min, max);
    }
}
