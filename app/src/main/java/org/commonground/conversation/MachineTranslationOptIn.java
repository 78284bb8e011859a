package org.commonground.conversation;

/**
 * The organizer's per-conversation opt-in to machine translation, a setting of the conversation
 * kept by the translation feature above (which owns the service, the queue and the setting's
 * table): how the conversation's settings API and manage page read and change it.
 */
public interface MachineTranslationOptIn {

    /** Whether this server has a machine translation service at all (the switch is offered only then). */
    boolean available();

    /** Whether the conversation has turned machine translation on. */
    boolean on(long conversationId);

    /** Turns it on or off; on is refused (409) on a server without a service. */
    void set(long conversationId, boolean on);

    /** A server wired without machine translation. */
    MachineTranslationOptIn NONE = new MachineTranslationOptIn() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean on(long conversationId) {
            return false;
        }

        @Override
        public void set(long conversationId, boolean on) {
            if (on) {
                throw new org.commonground.problem.Conflict(
                        "machine-translation-unavailable", "machine-translation.unavailable");
            }
        }
    };
}
