package org.commonground.results;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.conversation.Access;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Unauthorized;

/**
 * Who may read a conversation's results (tallies, analysis, report pages and downloads): the one
 * rule the pages and the API share.
 * <ul>
 *   <li>{@code public}: anyone;</li>
 *   <li>{@code participants}: its participants and its staff (admins, organizers, moderators,
 *       translators), who read and work its statements anyway;</li>
 *   <li>{@code organizers}: its organizers and admins only.</li>
 * </ul>
 * A refused reader without an account gets 401 (signing in or joining may help), one with an
 * account 403; the problem type names the visibility ({@code results-for-participants},
 * {@code results-for-organizers}).
 */
public final class ResultsReaders {
    private static final Set<String> STAFF = Access.STAFF;
    private static final Set<String> ORGANIZERS = Set.of("organizer");

    private final Authentication authentication;
    private final Access access;
    private final BiPredicate<Context, Long> isParticipant;
    private final ConversationCatalog conversations;

    /**
     * @param isParticipant whether the request carries a participant token of the conversation;
     *                      participants are the participation feature's to recognize
     */
    ResultsReaders(
            Authentication authentication,
            Access access,
            ConversationCatalog conversations,
            BiPredicate<Context, Long> isParticipant) {
        this.authentication = authentication;
        this.access = access;
        this.conversations = conversations;
        this.isParticipant = isParticipant;
    }

    /**
     * Refuses a reader the conversation does not exist for (unknown: 404, a draft: 404, archived:
     * 410; its staff excepted) or whom its results visibility does not admit (401/403). The one
     * gate of the report pages, their downloads, the results and the tallies API; it reads the
     * conversation's current settings, never a cached copy.
     */
    public void require(Context ctx, long conversationId) {
        ConversationRules rules = conversations.rules(conversationId);
        ConversationState.fromCode(rules.state())
                .requireReadable(conversationId, () -> access.isStaff(ctx, conversationId));
        require(ctx, conversationId, ResultsVisibility.fromCode(rules.resultsVisibility()));
    }

    private void require(Context ctx, long conversationId, ResultsVisibility visibility) {
        if (visibility == ResultsVisibility.PUBLIC) {
            return;
        }
        if (visibility == ResultsVisibility.PARTICIPANTS && isParticipant.test(ctx, conversationId)) {
            return;
        }
        Optional<Account> caller = authentication.account(ctx);
        Set<String> roles = visibility == ResultsVisibility.PARTICIPANTS ? STAFF : ORGANIZERS;
        if (caller.isPresent() && access.has(caller.get(), conversationId, roles)) {
            return;
        }
        String type = "results-for-" + visibility.code();
        String messageKey = "problem." + type;
        if (caller.isEmpty()) {
            throw new Unauthorized(type, messageKey);
        }
        throw new Forbidden(type, messageKey);
    }
}
