package org.commonground.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * The life of a conversation: prepared as a draft, opened for participation, closed (results stay
 * readable, it may be reopened), and finally archived (gone for everyone but its staff).
 */
public enum ConversationState {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The states this one may move to; anything else is refused with 409. */
    public Set<ConversationState> next() {
        return switch (this) {
            case DRAFT -> Set.of(OPEN);
            case OPEN -> Set.of(CLOSED);
            case CLOSED -> Set.of(OPEN, ARCHIVED);
            case ARCHIVED -> Set.of();
        };
    }
}
