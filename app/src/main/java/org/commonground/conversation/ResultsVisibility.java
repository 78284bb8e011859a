package org.commonground.conversation;

import java.util.Locale;

/** Who may read a conversation's tallies and analysis. */
public enum ResultsVisibility {
    PUBLIC,
    PARTICIPANTS,
    ORGANIZERS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultsVisibility fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
