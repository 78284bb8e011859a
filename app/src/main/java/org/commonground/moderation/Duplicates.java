package org.commonground.moderation;

import java.util.Map;

/**
 * Statements rejected as duplicates of another, for routing: who voted on a duplicate is offered
 * its original on their next visit (participation asks; moderation records the links).
 */
public interface Duplicates {

    /** The conversation's duplicate → original links (originals followed to the end of a chain). */
    Map<Long, Long> originals(long conversationId);
}
