package org.commonground.statement;

import org.commonground.conversation.Seeding;
import org.jdbi.v3.core.Jdbi;

/**
 * The statement feature's one public entry: statements and their text rules. Participants write
 * through {@link #statements()} (the participation feature's routes), organizers seed through
 * {@link #seeding()} (the conversation feature's pages and routes). Every change to a statement's
 * text or standing is told to {@link #events()}, which forwards to the listener a higher feature
 * registers with {@link #tell} (the text feature's index, which sits above statement, translation
 * and moderation).
 */
public final class StatementFeature {
    private final Relay relay = new Relay();
    private final StatementStore statements;
    private final SeedStore seeds;
    private final DecisionStore decisions;

    private StatementFeature(Jdbi jdbi) {
        this.statements = new StatementStore(jdbi, relay);
        this.seeds = new SeedStore(jdbi);
        this.decisions = new DecisionStore(jdbi, relay);
    }

    public static StatementFeature wire(Jdbi jdbi) {
        return new StatementFeature(jdbi);
    }

    public Statements statements() {
        return statements;
    }

    /** Where the moderation feature reads its queue and records decisions. */
    public ModerationQueue moderationQueue() {
        return decisions;
    }

    public Seeding seeding() {
        return seeds;
    }

    /** Where the moderation and translation features tell of the changes they commit. */
    public StatementEvents events() {
        return relay;
    }

    /** Tells {@code listener} of every change from now on. Called once while wiring, before the server takes requests. */
    public void tell(StatementEvents listener) {
        relay.listener = listener;
    }

    /** Forwards to the registered listener; set once at wiring. */
    private static final class Relay implements StatementEvents {
        private volatile StatementEvents listener = StatementEvents.NONE;

        @Override
        public void changed(long conversationId, long statementId) {
            listener.changed(conversationId, statementId);
        }
    }
}
