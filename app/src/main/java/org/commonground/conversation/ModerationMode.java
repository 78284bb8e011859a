package org.commonground.conversation;

import java.util.Locale;

/** PRE: participants' statements stay hidden until a moderator accepts them. POST: shown at once, may be rejected later. */
public enum ModerationMode {
    PRE,
    POST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModerationMode fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
