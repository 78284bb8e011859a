package org.commonground.conversation;

/**
 * Something a higher feature lists on the front page beside the open conversations (a dialogue of
 * several rounds): where it is, its title and description in the reader's language, and a short note.
 */
public record FrontPageEntry(String href, String title, String description, String note) {}
