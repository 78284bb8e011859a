package org.commonground.statement;

import java.time.Instant;

/**
 * A statement as a moderator sees it.
 *
 * @param duplicateOf the statement this one was rejected as a duplicate of, or null
 */
public record QueueItem(
        long id,
        String text,
        String lang,
        String state,
        String reason,
        Long moderatedBy,
        Instant moderatedAt,
        Long authorParticipantId,
        boolean seed,
        Instant createdAt,
        Long duplicateOf) {}
