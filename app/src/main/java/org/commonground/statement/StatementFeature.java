package org.commonground.statement;

import org.commonground.conversation.Seeding;
import org.jdbi.v3.core.Jdbi;

/**
 * The statement feature's one public entry: statements and their text rules. Participants write
 * through {@link #statements()} (the participation feature's routes), organizers seed through
 * {@link #seeding()} (the conversation feature's pages and routes).
 */
public final class StatementFeature {
    private final StatementStore statements;
    private final SeedStore seeds;

    private StatementFeature(Jdbi jdbi) {
        this.statements = new StatementStore(jdbi);
        this.seeds = new SeedStore(jdbi);
    }

    public static StatementFeature wire(Jdbi jdbi) {
        return new StatementFeature(jdbi);
    }

    public StatementStore statements() {
        return statements;
    }

    public Seeding seeding() {
        return seeds;
    }
}
