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
    DRAFT,
    OPEN,
    CLOSED,
    ARCHIVED;

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

    /**
     * Refuses a change to a conversation in this state: an archived conversation no longer changes
     * (410, the same answer as reading it). The one place that says so.
     */
    public void requireNotArchived(long conversationId) {
        if (this == ARCHIVED) {
            throw archived(conversationId);
        }
    }

    /**
     * Refuses taking part (voting, writing, joining) unless open: 404 for a draft (nobody takes part
     * in one, and to outsiders it does not exist: a 409 would tell them it does), 409 for a closed
     * one, 410 once archived.
     */
    public void requireOpen(long conversationId) {
        switch (this) {
            case OPEN -> {}
            case DRAFT -> throw NotFound.of("conversation", conversationId);
            case CLOSED -> throw new Conflict("conversation-closed", "problem.conversation-closed", conversationId);
            case ARCHIVED -> throw archived(conversationId);
        }
    }

    /** Refuses seeding statements once closed (409) or archived (410). */
    public void requireSeedable(long conversationId) {
        requireNotArchived(conversationId);
        if (this == CLOSED) {
            throw new Conflict("conversation-closed", "conversation.closed", conversationId);
        }
    }

    private static Conflict archived(long conversationId) {
        return new Conflict(410, "conversation-archived", "problem.conversation-archived", conversationId);
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
