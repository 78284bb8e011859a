package org.commonground.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.web.Language;

/**
 * A conversation as stored: its configuration, its texts in each language the organizer wrote,
 * and its cohort dimensions in order.
 */
public record Conversation(
        long id,
        Long ownerId,
        ConversationState state,
        ModerationMode moderationMode,
        boolean participantsCanWrite,
        ResultsVisibility resultsVisibility,
        Map<Language, Text> texts,
        List<CohortDimension> cohorts,
        Instant createdAt,
        Instant updatedAt) {

    /** Title, description and background in one language. */
    public record Text(String title, String description, String background) {}

    /**
     * A named cohort dimension with its allowed values. {@code fixedByInvite}: the value comes from
     * the invite link a participant joins with and cannot be self-declared (stored as
     * {@code cohort_dimension.required}); otherwise the participant declares it when joining.
     */
    public record CohortDimension(long id, String name, List<String> values, boolean fixedByInvite) {}

    /** The languages the conversation is written in, in a stable order. */
    public List<Language> languages() {
        return texts.keySet().stream().sorted().toList();
    }

    /** The text in the reader's language, else English, else the first language it exists in. */
    public Language languageFor(Language reader) {
        if (texts.containsKey(reader)) {
            return reader;
        }
        if (texts.containsKey(Language.EN) || texts.isEmpty()) {
            return Language.EN;
        }
        return languages().getFirst();
    }

    public Optional<CohortDimension> cohort(String name) {
        return cohorts.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
