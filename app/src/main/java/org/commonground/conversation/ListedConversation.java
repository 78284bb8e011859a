package org.commonground.conversation;

/** A conversation row on the dashboard, with its participation counts. */
public record ListedConversation(
        Conversation conversation,
        String title,
        int participants,
        int votes,
        int pending,
        boolean organizer,
        boolean moderator,
        boolean translator) {}
