package org.commonground.translation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.Conversation;
import org.commonground.web.Language;

/** What pages of other features need to know of machine translation, without its insides. */
public interface MachineTranslations {

    /** No machine translation (tools and tests that wire a feature without one). */
    MachineTranslations NONE = new MachineTranslations() {
        @Override
        public Optional<Service> service(long conversationId) {
            return Optional.empty();
        }

        @Override
        public Optional<Conversation.Text> text(Conversation c, Language reader) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> cohortValues(Conversation c, Language reader) {
            return Map.of();
        }

        @Override
        public void requestTexts(
                long conversationId,
                Language from,
                Map<String, String> sources,
                Collection<Language> into,
                Instant now) {}

        @Override
        public Map<String, String> texts(long conversationId, Language reader, Map<String, String> sources) {
            return Map.of();
        }
    };

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

    /**
     * Queues machine translations of texts that are neither statements nor the conversation's own
     * (a dialogue's document), keyed by {@code sources}' keys, from {@code from} into each of
     * {@code into}, when this deployment has a service and the conversation turned it on; else
     * nothing. Queuing again is harmless: a text already queued or done is not sent twice.
     */
    void requestTexts(
            long conversationId, Language from, Map<String, String> sources, Collection<Language> into, Instant now);

    /**
     * The machine translations into {@code reader} of the texts {@link #requestTexts} queued, by key,
     * counting only those of the texts as they are now ({@code sources}: key → current text).
     */
    Map<String, String> texts(long conversationId, Language reader, Map<String, String> sources);
}
