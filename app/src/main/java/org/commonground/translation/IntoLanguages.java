package org.commonground.translation;

import java.util.List;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.TranslatorLanguages;
import org.commonground.problem.Forbidden;
import org.commonground.web.Language;

/**
 * The languages an account may translate a conversation's statements into. Admins and those who
 * organize or moderate the conversation step in for any language; a translator works in the
 * languages the organizer gave them.
 */
public final class IntoLanguages {
    private final Access access;
    private final ConversationCatalog conversations;

    public IntoLanguages(Access access, ConversationCatalog conversations) {
        this.access = access;
        this.conversations = conversations;
    }

    /** In the translator's order; empty for an account with no translation rights on the conversation. */
    public List<Language> of(Account account, long conversationId) {
        if (anyLanguage(account, conversationId)) {
            return TranslatorLanguages.ALL.languages();
        }
        return conversations
                .translatorLanguages(conversationId, account.id())
                .map(TranslatorLanguages::languages)
                .orElse(List.of());
    }

    /**
     * The language the translator desk opens on: the reader's own when they may translate into it
     * (the page speaks it), else a translator's first.
     */
    public Language opening(Account account, long conversationId, Language reader) {
        List<Language> mine = of(account, conversationId);
        return mine.contains(reader) || mine.isEmpty() ? reader : mine.getFirst();
    }

    private boolean anyLanguage(Account account, long conversationId) {
        return access.has(account, conversationId, Set.of("organizer", "moderator"));
    }

    /**
     * Refuses (403) the language a request names when it is not among the account's. A code that
     * names no language is left to the store, which answers it as invalid input (422) whoever asks.
     */
    public void require(Account account, long conversationId, String code) {
        Language.parse(code).ifPresent(l -> require(account, conversationId, l));
    }

    /** Refuses (403) a language that is not among the account's. */
    public void require(Account account, long conversationId, Language language) {
        if (!of(account, conversationId).contains(language)) {
            throw new Forbidden("language-not-yours", "translation.lang.not-yours", language.code());
        }
    }
}
