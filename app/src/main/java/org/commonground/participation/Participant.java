package org.commonground.participation;

/**
 * A pseudonymous participant of one conversation: an id, the conversation, a preferred language.
 *
 * @param id       the platform-wide database key, which staff see beside statements; never in a public answer
 * @param publicId the pseudonym public answers name the participant by, unique in the conversation and
 *                 unrelated to {@code id} (16 hex digits, random)
 */
public record Participant(long id, long conversationId, String language, String publicId) {}
