package org.commonground.conversation;

/**
 * An open conversation as the front page lists it, in the reader's language (or the nearest one
 * written); {@code joined} counts everyone who joined, whether or not they have voted yet.
 */
public record OpenConversation(long id, String title, String description, int joined) {}
