package org.commonground.text;

/**
 * A statement alike an asked text: an item of the {@code /statements/similar} answer and of the
 * "similar statements already exist" fragment of the writing page (public for the templates).
 *
 * @param text            the statement in the asked language (its original or a translation)
 * @param lang            the language of {@code text}: the asked one
 * @param score           likeness in [0, 1]; 1 for the same folded text; at or above the answer's
 *                        {@code duplicateThreshold} the statement is offered as already said
 * @param moderationState accepted, pending or rejected (the last two for moderators only)
 */
public record SimilarStatement(long statementId, String text, String lang, double score, String moderationState) {}
