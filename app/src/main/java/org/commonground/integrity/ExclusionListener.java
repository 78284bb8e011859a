package org.commonground.integrity;

/**
 * Hears that moderators changed who is left out of a conversation's analysis: how the live
 * analysis, a higher feature, recomputes at once. Called after the change is committed.
 */
public interface ExclusionListener {
    ExclusionListener NONE = conversationId -> {};

    void exclusionsChanged(long conversationId);
}
