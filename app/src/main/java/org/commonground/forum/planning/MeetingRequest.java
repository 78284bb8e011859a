package org.commonground.forum.planning;

/**
 * An accepted meeting to place.
 *
 * @param delegates      delegate indices taking part (2 for one-to-one, 3 for a consortium meeting), distinct
 * @param priority       1 (low) .. 3 (high); a higher priority is never given up for lower ones
 * @param publishedSlot  slot of an already-published placement, kept by a re-run; -1 if not published
 * @param publishedTable table of an already-published placement; -1 if not published
 */
public record MeetingRequest(int[] delegates, int priority, int publishedSlot, int publishedTable) {
    public MeetingRequest {
        if (delegates.length < 2 || priority < 1 || priority > 3 || (publishedSlot < 0) != (publishedTable < 0)) {
            throw new IllegalArgumentException(
                    "a meeting needs ≥ 2 delegates, priority 1..3, and a slot with its table");
        }
        for (int i = 0; i < delegates.length; i++) {
            for (int j = i + 1; j < delegates.length; j++) {
                if (delegates[i] == delegates[j]) {
                    throw new IllegalArgumentException("delegate " + delegates[i] + " named twice");
                }
            }
        }
    }

    public static MeetingRequest of(int priority, int... delegates) {
        return new MeetingRequest(delegates, priority, -1, -1);
    }

    public boolean published() {
        return publishedSlot >= 0;
    }

    /** Objective weight: one high-priority meeting is worth more than any number of lower ones that block it, up to 10 of them. */
    public long weight() {
        return priority == 3 ? 100 : priority == 2 ? 10 : 1;
    }
}
