package org.commonground.conversation;

import java.util.List;
import java.util.function.Function;
import org.commonground.account.AccountFeature;
import org.commonground.web.Api;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The conversation feature's one public entry: conversations (texts, settings, cohorts, state),
 * their staff and invite links. Other features ask it whether a conversation may be read
 * ({@link #readable()}) and who may act on it ({@link #access()}); the rules of its life (draft,
 * open, closed, archived) are {@link ConversationState}'s.
 */
public final class ConversationFeature {
    private final AccountFeature account;
    private final ConversationStore conversations;
    private final InviteStore invites;
    private final Access access;
    private final Readable readable;
    /** Set once while wiring by the participation feature (see {@link #ask}); UNWIRED until then. */
    private volatile CohortUse cohortUse = CohortUse.UNWIRED;

    private volatile Function<Language, List<FrontPageEntry>> frontPageSeries = reader -> List.of();

    private ConversationFeature(Jdbi jdbi, AccountFeature account) {
        this.account = account;
        this.conversations = new ConversationStore(jdbi, (h, id) -> cohortUse.inUse(h, id));
        this.invites = new InviteStore(jdbi);
        this.access = new Access(account.authentication(), conversations);
        this.readable = new Readable(conversations, access, account.clock());
    }

    public static ConversationFeature wire(Jdbi jdbi, AccountFeature account) {
        return new ConversationFeature(jdbi, account);
    }

    /**
     * Asks {@code use} whether a conversation has participants before its cohorts are replaced:
     * how the participation feature, a higher one that owns the participants, answers. Called once
     * while wiring, before the server takes requests.
     */
    public void ask(CohortUse use) {
        this.cohortUse = use;
    }

    /** The clock the app was wired with (see {@link AccountFeature#clock()}). */
    public java.time.Clock clock() {
        return account.clock();
    }

    public Access access() {
        return access;
    }

    public Readable readable() {
        return readable;
    }

    public ConversationCatalog conversations() {
        return conversations;
    }

    private volatile RoundOf roundOf = RoundOf.NONE;

    /** How a conversation's pages learn which series it is a round of (the dialogue feature tells); set once while wiring. */
    public void nameRoundsWith(RoundOf rounds) {
        this.roundOf = rounds;
    }

    /** Which series a conversation is a round of, as the higher feature that keeps them says. */
    public RoundOf roundOf() {
        return (conversationId, reader) -> roundOf.of(conversationId, reader);
    }

    /** What a higher feature lists on the front page above the open conversations (the dialogues); set once while wiring. */
    public void listOnFrontPage(Function<Language, List<FrontPageEntry>> entries) {
        this.frontPageSeries = entries;
    }

    public Invites invites() {
        return invites;
    }

    /**
     * @param seeding      where organizers' seed statements go (the statement feature)
     * @param activity     participants, votes and pending statements per conversation (participation)
     * @param translations the seeds' translations (the translation feature)
     */
    public void addTo(
            Api api,
            Pages pages,
            Seeding seeding,
            ConversationActivity activity,
            SeedTranslations translations,
            MachineTranslationOptIn machineTranslation) {
        SeedDesk seeds = new SeedDesk(seeding, translations, activity);
        new OrganizerPages(
                        pages, conversations, seeds, invites, access, account.accounts(), activity, machineTranslation)
                .addTo(api.routes());
        new FrontPage(pages, conversations, activity, reader -> frontPageSeries.apply(reader)).addTo(api.routes());
        new ConversationRoutes(conversations, seeds, account.authentication(), access, machineTranslation).addTo(api);
        new InviteRoutes(invites, access).addTo(api);
    }
}
