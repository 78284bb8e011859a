package org.commonground.conversation;

import java.util.Optional;
import org.commonground.web.Language;

/**
 * The series a conversation is one round of (a dialogue, a feature above this one), so that the
 * round's own pages can name it and link back to it; told to the conversation feature while wiring.
 */
public interface RoundOf {

    /** The series' title in the reader's language, its page, and which round this conversation is. */
    record Series(String title, String href, int round) {}

    Optional<Series> of(long conversationId, Language reader);

    RoundOf NONE = (conversationId, reader) -> Optional.empty();
}
