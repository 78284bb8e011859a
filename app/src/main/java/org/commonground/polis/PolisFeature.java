package org.commonground.polis;

import org.commonground.conversation.ConversationFeature;
import org.commonground.web.Api;
import org.jdbi.v3.core.Jdbi;

/**
 * The Pol.is feature's entry on the server: organizers download a conversation as a Pol.is export
 * folder. (Import, export and validation from the command line use {@link PolisImport},
 * {@link ConversationExport} and {@link PolisValidation} directly.)
 */
public final class PolisFeature {
    private final ExportPages exports;

    private PolisFeature(Jdbi jdbi, ConversationFeature conversation) {
        this.exports = new ExportPages(conversation.access(), new ConversationExport(jdbi));
    }

    public static PolisFeature wire(Jdbi jdbi, ConversationFeature conversation) {
        return new PolisFeature(jdbi, conversation);
    }

    public void addTo(Api api) {
        exports.addTo(api.routes());
    }
}
