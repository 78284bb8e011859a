package org.commonground.conversation;

import java.util.Locale;
import java.util.Optional;

/** A role an account holds on one conversation (the owner needs none: they organize it). */
public enum MemberRole {
    ORGANIZER,
    MODERATOR,
    TRANSLATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberRole> parse(String code) {
        for (MemberRole r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
