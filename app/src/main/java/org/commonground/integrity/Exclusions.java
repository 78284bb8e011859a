package org.commonground.integrity;

import org.jdbi.v3.core.Jdbi;

/**
 * What the live analysis (results, above) asks of integrity: who is left out of a conversation's
 * analysis now. Read at every computation; a change is announced to the {@link ExclusionListener}.
 */
public interface Exclusions {
    Excluded excluded(long conversationId);

    /** Exclusions as stored, for the commands that analyse a stored conversation outside the server. */
    static Exclusions stored(Jdbi jdbi) {
        return new IntegrityStore(jdbi)::excluded;
    }
}
