package org.commonground.team;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.web.Language;

/**
 * What one scope of team invitations (a conversation, a dialogue) decides: who may invite, which
 * roles there are, what the invitee's account must be, and the grant itself once the invitee has
 * accepted. The invitation, its mail and its one-time link are the same for every scope
 * ({@link TeamInvitations}); only this differs.
 */
public interface TeamGrant {
    /** The scope's code as stored and as paths name it: {@code conversation} or {@code dialogue}. */
    String scope();

    /** The role codes one may be invited to, as the API takes them. */
    List<String> roles();

    /** The inviting account when the request may invite to this scope's {@code id}, else 401/403/404. */
    Account requireInviter(Context ctx, long id);

    /** The account role a new account is created with for an invitation to {@code role}. */
    Role accountRole(String role);

    /** The scope's title in the reader's language, for the mail and the acceptance page. */
    String title(long id, Language language);

    /**
     * Gives the account the role on the scope's {@code id}, for {@code country} where the role is
     * held for a country cohort (else null); a problem when the account may not hold it.
     */
    void grant(long id, Account account, String role, String country);

    /**
     * The country cohort an invitation to {@code role} is for, from what the organizer gave: null
     * for roles not held for a country (the default ignores it); a 422 when a role needs one.
     */
    default String country(String role, String given) {
        return null;
    }

    /** Where the invitee works once they hold the role. */
    String workPath(long id, String role);
}
