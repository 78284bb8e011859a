package org.commonground.text;

import io.javalin.http.Context;

/**
 * Whether a request speaks for a participant of the conversation: returns normally if so, else
 * throws the participation feature's 401/403/404. The text feature sits below participation, so it
 * is handed this check instead of calling it.
 */
@FunctionalInterface
public interface ParticipantCheck {
    void require(Context ctx, long conversationId);
}
