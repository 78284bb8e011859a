package org.commonground.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.web.Language;

/**
 * A dialogue as stored: a named series of rounds, each round a conversation, in order. Immutable.
 *
 * @param ownerId the organizer who created it (may act on it with the admins), or null
 * @param texts   title and description in each language the organizer wrote them in (at least one)
 * @param rounds  round 1 first; numbers are 1, 2, … without gaps
 */
record Dialogue(
        long id,
        Long ownerId,
        Map<Language, DialogueText> texts,
        List<Round> rounds,
        Instant createdAt,
        Instant updatedAt) {

    /** Title and description in one language. */
    public record DialogueText(String title, String description) {}

    /** Round {@code number}: its conversation and its schedule (either end may be open). */
    public record Round(int number, long conversationId, Instant opensAt, Instant closesAt) {}

    /** The text in the reader's language, else English, else the first there is. */
    DialogueText text(Language reader) {
        if (texts.containsKey(reader)) {
            return texts.get(reader);
        }
        if (texts.containsKey(Language.EN)) {
            return texts.get(Language.EN);
        }
        return texts.values().iterator().next();
    }

    Optional<Round> round(int number) {
        return rounds.stream().filter(r -> r.number() == number).findFirst();
    }

    Round last() {
        return rounds.getLast();
    }

    Optional<Round> roundOf(long conversationId) {
        return rounds.stream().filter(r -> r.conversationId() == conversationId).findFirst();
    }
}
