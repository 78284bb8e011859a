package org.commonground.integrity;

import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation's exclusion audit log: who decided what, when, why and for how many.
 *
 * @param action       exclude or restore
 * @param reason       the reason code of an exclusion (coordinated, one-value, other); null for a restoration
 * @param participants how many participants the decision changed (those already so are not counted)
 * @param participantIds the participants it changed, ascending
 */
public record AuditEntry(
        long id,
        String action,
        String reason,
        String note,
        int participants,
        List<Long> participantIds,
        String decidedBy,
        Instant decidedAt) {}
