package org.commonground.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. An admin may do everything; an organizer runs their own conversations;
 * moderators and translators act on the conversations they are members of.
 */
public enum Role {
    ADMIN,
    ORGANIZER,
    MODERATOR,
    TRANSLATOR,
    /** Speaks for an organization at an industry forum (org.commonground.forum), once its organizers approve. */
    DELEGATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String code) {
        for (Role r : values()) {
            if (r.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
