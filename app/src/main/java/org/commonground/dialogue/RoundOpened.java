package org.commonground.dialogue;

/**
 * Told when an organizer opens a dialogue's next round at once (a higher feature's hook: the
 * reminder mail, org.commonground.reminder). Called after the round is stored and open.
 */
@FunctionalInterface
public interface RoundOpened {
    RoundOpened NOBODY = (dialogueId, conversationId) -> {};

    void roundOpened(long dialogueId, long conversationId);
}
