package org.commonground.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.Readable;
import org.commonground.participation.Participant;
import org.commonground.participation.Participants;
import org.commonground.statement.StatementEvents;
import org.commonground.statement.Statements;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;

/**
 * A participant's rights over their data in one conversation, and what the conversation tells
 * them about it: the privacy notice from its settings, the download of their data, and its
 * erasure under the organizer's policy (after which the live analysis recomputes without them).
 */
final class Privacy {
    private final PrivacyStore store;
    private final ConversationCatalog conversations;
    private final Participants participants;
    private final Statements statements;
    private final ShownStatements shown;
    private final MachineTranslations machineTranslations;
    private final StatementEvents statementEvents;
    private final java.util.function.LongConsumer recompute;
    private final Clock clock;

    /**
     * @param statementEvents told of each statement an erasure deleted or left without author (search forgets or keeps it)
     * @param recompute       asks the live analysis to recompute a conversation from the stored votes
     */
    Privacy(
            PrivacyStore store,
            ConversationCatalog conversations,
            Participants participants,
            Statements statements,
            ShownStatements shown,
            MachineTranslations machineTranslations,
            StatementEvents statementEvents,
            java.util.function.LongConsumer recompute,
            Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.participants = participants;
        this.statements = statements;
        this.shown = shown;
        this.machineTranslations = machineTranslations;
        this.statementEvents = statementEvents;
        this.recompute = recompute;
        this.clock = clock;
    }

    /** The conversation in any state (a participant may download or erase their data even once it is archived). */
    Conversation conversation(long conversationId) {
        return conversations.get(conversationId);
    }

    ErasurePolicy erasure(long conversationId) {
        return store.erasure(conversationId);
    }

    void setErasure(long conversationId, ErasurePolicy policy) {
        store.setErasure(conversationId, policy);
    }

    PrivacyNotice notice(Conversation c) {
        PrivacyNotice.TranslationService service = machineTranslations
                .service(c.id())
                .map(s -> new PrivacyNotice.TranslationService(s.name(), s.where(), s.local()))
                .orElse(null);
        return new PrivacyNotice(
                c.id(),
                c.resultsVisibility().code(),
                c.moderationMode().name().toLowerCase(java.util.Locale.ROOT),
                c.participantsCanWrite(),
                c.cohorts().stream().map(Conversation.CohortDimension::name).toList(),
                c.cohorts().stream()
                        .filter(Conversation.CohortDimension::fixedByInvite)
                        .map(Conversation.CohortDimension::name)
                        .toList(),
                service,
                store.erasure(c.id()).code(),
                false,
                Participants.COOKIE_DAYS);
    }

    /** The participant's data with labels and statement texts in {@code page}'s language. */
    ParticipantData download(Participant p, Page page) {
        Conversation c = conversations.get(p.conversationId());
        Language lang = page.lang();
        Participants.Joining joining = participants.joining(p);
        List<ParticipantData.CohortAnswer> cohorts = new ArrayList<>();
        joining.cohorts()
                .forEach((dimension, value) -> cohorts.add(new ParticipantData.CohortAnswer(
                        dimension, page.dimension(dimension), value, page.cohort(dimension, value))));
        Map<Long, ShownStatements.Shown> texts = shown.all(c.id(), lang);
        List<ParticipantData.RecordedVote> votes = participants.voteHistory(p).stream()
                .map(v -> new ParticipantData.RecordedVote(
                        v.statementId(),
                        v.value().code(),
                        page.t("vote." + v.value().code()),
                        v.castAt(),
                        Optional.ofNullable(texts.get(v.statementId()))
                                .map(ShownStatements.Shown::text)
                                .orElse(null)))
                .toList();
        List<ParticipantData.WrittenStatement> written = statements.authoredBy(p.id()).stream()
                .map(s -> new ParticipantData.WrittenStatement(
                        s.id(),
                        s.text(),
                        s.lang(),
                        s.moderationState(),
                        page.t("moderate.state." + s.moderationState()),
                        s.createdAt()))
                .toList();
        return new ParticipantData(
                c.id(),
                Readable.title(c, lang),
                p.publicId(),
                p.language(),
                joining.joinedAt(),
                joining.throughInvite(),
                cohorts,
                votes,
                written,
                store.erasure(c.id()).code(),
                page.t("privacy.data.not-stored"),
                clock.instant());
    }

    /**
     * What erasing the participant's data would do now: their votes, and their statements split
     * by the policy (for the confirmation page).
     */
    Preview preview(Participant p) {
        ErasurePolicy policy = store.erasure(p.conversationId());
        int votes = participants.voteHistory(p).size();
        int written = statements.authoredBy(p.id()).size();
        return new Preview(policy, votes, written);
    }

    /** The participant's votes cast (changes included) and statements written, and the policy that applies. */
    record Preview(ErasurePolicy policy, int votes, int statements) {}

    /** Erases the participant's data; the analysis then recomputes without it. */
    PrivacyStore.Erased erase(Participant p) {
        PrivacyStore.Erased erased = store.erase(p);
        erased.deleted().forEach(id -> statementEvents.changed(p.conversationId(), id));
        erased.anonymised().forEach(id -> statementEvents.changed(p.conversationId(), id));
        recompute.accept(p.conversationId());
        return erased;
    }
}
