package org.commonground.embed;

import org.commonground.conversation.ConversationActivity;
import org.commonground.conversation.ConversationFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * Embeds, the feature's one public entry: {@code /embed/c/{id}} (the vote card, join included)
 * and {@code /embed/c/{id}/summary}, framable only by the origins the organizer lists (CSP
 * {@code frame-ancestors}); every other page keeps refusing to be framed (web.SecurityHeaders).
 */
public final class EmbedFeature {
    private final EmbedStore store;
    private final ConversationFeature conversation;

    private EmbedFeature(Jdbi jdbi, ConversationFeature conversation) {
        this.store = new EmbedStore(jdbi);
        this.conversation = conversation;
    }

    public static EmbedFeature wire(Jdbi jdbi, ConversationFeature conversation) {
        return new EmbedFeature(jdbi, conversation);
    }

    /** @param activity the participant and vote counts the summary shows (participation's) */
    public void addTo(Api api, Pages pages, ConversationActivity activity) {
        new EmbedRoutes(store, conversation.access()).addTo(api);
        new EmbedPages(pages, store, conversation.readable(), conversation.access(), activity).addTo(api.routes());
    }
}
