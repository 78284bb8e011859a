package org.commonground.statement;

/**
 * Told after a statement changed in a way readers of its text care about: it was written, a
 * moderator decided on it, or one of its translations was added or approved. Search and the
 * near-duplicate check (the text feature) keep their index current from these. Called on the
 * request path after the commit: implementations must be quick and never throw.
 */
@FunctionalInterface
public interface StatementEvents {
    void changed(long conversationId, long statementId);

    StatementEvents NONE = (conversationId, statementId) -> {};
}
