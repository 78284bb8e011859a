package org.commonground.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Conversations, their texts, cohorts, staff and state (the conversation feature's tables), as other features, tools and tests ask for them; {@link ConversationFeature#conversations()} gives the server's.
 */
public interface ConversationCatalog {
    /** For tools and tests that never replace cohorts (that asks {@link CohortUse#UNWIRED} and fails). */
    static ConversationCatalog over(Jdbi jdbi) {
        return over(jdbi, CohortUse.UNWIRED);
    }

    /** @param cohortUse whether a conversation has participants: {@code ParticipationFeature.cohortUse()} */
    static ConversationCatalog over(Jdbi jdbi, CohortUse cohortUse) {
        return new ConversationStore(jdbi, cohortUse);
    }

    /** A cohort dimension as an organizer declares it; {@code fixedByInvite} defaults to false. */
    record CohortSpec(String name, List<String> values, Boolean fixedByInvite) {}

    /** A new conversation; absent settings take their defaults (post-moderation, participants write, public results, default cohorts). */
    record NewConversation(
            Map<String, Conversation.Text> texts,
            ModerationMode moderationMode,
            Boolean participantsCanWrite,
            ResultsVisibility resultsVisibility,
            List<CohortSpec> cohorts) {}

    /** Changed settings; absent ones stay as they are. {@code texts}, when present, replaces all texts. */
    record ConversationChanges(
            Map<String, Conversation.Text> texts,
            ModerationMode moderationMode,
            Boolean participantsCanWrite,
            ResultsVisibility resultsVisibility) {}

    /** A member of a conversation's staff; {@code languages} are a translator's, empty for other roles. */
    record Member(long accountId, String email, MemberRole role, List<Language> languages) {}

    Conversation create(long ownerId, NewConversation in);

    Optional<Conversation> find(long id);

    /** The conversation or 404. */
    Conversation get(long id);

    /** Conversations the caller may see, newest first; {@code before} is the id to page back from. */
    List<Conversation> visibleTo(Optional<Account> caller, long before, int limit);

    /** Changes settings and texts; refused (410) once the conversation is archived. */
    Conversation update(long id, ConversationChanges in);

    /** Moves the conversation along its life; an illegal move is a 409 naming both states. */
    Conversation transition(long id, ConversationState to);

    /**
     * Replaces the cohort dimensions. Only a draft without invites may change them: participants'
     * and invites' cohort values point at the dimensions, and changing them later would silently
     * re-label people.
     */
    Conversation replaceCohorts(long id, List<CohortSpec> specs);

    List<Member> members(long id);

    /** The languages the account translates into as a translator member of the conversation, if it is one. */
    Optional<TranslatorLanguages> translatorLanguages(long id, long accountId);

    /** Gives an account a role on the conversation, a translator all languages (see below). */
    List<Member> addMember(long id, Long accountId, MemberRole role);

    /**
     * Gives an account a role on the conversation. A co-organizer must be an organizer (or admin)
     * account; moderators and translators may be any enabled account. A translator translates into
     * {@code languages}; {@code null} means all of them for a new translator, and no change for one
     * already added.
     */
    List<Member> addMember(long id, Long accountId, MemberRole role, TranslatorLanguages languages);

    /** Removes a role from a member; false if the account did not hold it. */
    /**
     * Removes the role named by {@code roleCode} (as a path gives it) from a member: 404 when the
     * code names no role or the account does not hold it.
     */
    void removeMember(long id, long accountId, String roleCode);

    boolean removeMember(long id, long accountId, MemberRole role);

    /** The conversation's state and participation settings, or 404. */
    ConversationRules rules(long id);

    /**
     * Hands an imported conversation to its organizer, post-moderated, with the given staff, in
     * the importing transaction (the demo seed).
     */
    static void adopt(Handle h, long id, long ownerId, Map<MemberRole, Long> staff) {
        ConversationStore.adopt(h, id, ownerId, staff);
    }

    /**
     * Creates an imported conversation with its texts, in the importing transaction; answers its id.
     * {@code state} is a {@link ConversationState} code ({@code draft}, {@code open} …).
     */
    static long insertImported(Handle h, String state, Instant createdAt, Map<Language, Conversation.Text> texts) {
        return ImportedConversationStore.insert(h, state, createdAt, texts);
    }

    /**
     * Adds cohort dimensions, in order, each with its values in order, to an imported conversation
     * in the importing transaction; answers each dimension's id by name.
     */
    static Map<String, Long> insertImportedDimensions(
            Handle h, long conversationId, Map<String, ? extends java.util.Collection<String>> valuesByDimension) {
        return ImportedConversationStore.insertDimensions(h, conversationId, valuesByDimension);
    }

    /** The conversation as the caller's transaction sees it (texts and cohort dimensions included), if it exists. */
    static Optional<Conversation> read(Handle h, long conversationId) {
        return ConversationStore.load(h, conversationId);
    }

    /** The oldest conversation's id, if there is any (the demo seeds only an empty database). */
    static Optional<Long> oldestId(Handle h) {
        return ConversationStore.oldestId(h);
    }
}
