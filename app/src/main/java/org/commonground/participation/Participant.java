package org.commonground.participation;

/** A pseudonymous participant of one conversation: an id, the conversation, a preferred language. */
public record Participant(long id, long conversationId, String language) {}
