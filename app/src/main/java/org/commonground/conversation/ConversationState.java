package org.commonground.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.commonground.problem.Conflict;
import org.commonground.problem.NotFound;

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

    /**
     * Refuses a reader a conversation in this state does not exist for: a draft is 404 and an
     * archived conversation 410 for everyone but its staff ({@code isStaff}, asked only then).
     */
    public void requireReadable(long conversationId, BooleanSupplier isStaff) {
        if ((this == DRAFT || this == ARCHIVED) && !isStaff.getAsBoolean()) {
            if (this == DRAFT) {
                throw NotFound.of("conversation", conversationId);
            }
            throw new Conflict(410, "conversation-archived", "conversation.archived", conversationId);
        }
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
