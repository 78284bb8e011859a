package org.commonground.account;

import java.time.Instant;

/** A signed-in person: an admin, organizer, moderator or translator. Participants have no account. */
public record Account(long id, String email, Role role, boolean disabled, Instant createdAt) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
