package org.commonground.translation;

import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Conversation;
import org.commonground.web.Language;

/** What pages of other features need to know of machine translation, without its insides. */
public interface MachineTranslations {

    /** The service translating a conversation's statements and where it runs. */
    record Service(String name, String where, boolean local) {}

    /** The service, when this deployment has one and the conversation turned it on. */
    Optional<Service> service(long conversationId);

    /**
     * The conversation's title, description and background machine-translated into the reader's
     * language, when the organizer did not write that language and the translation is done.
     */
    Optional<Conversation.Text> text(Conversation c, Language reader);

    /**
     * The organizer's own cohort values machine-translated into the reader's language, keyed
     * {@code dimension:value}; values the product names itself, or not yet translated, are absent.
     */
    Map<String, String> cohortValues(Conversation c, Language reader);
}
