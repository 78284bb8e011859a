package org.commonground.conversation;

/** A conversation row on the dashboard, with its participation counts. */
public record ListedConversation(
        Conversation conversation,
        String title,
        ConversationActivity.Counts counts,
        boolean organizer,
        boolean moderator,
        boolean translator) {}
