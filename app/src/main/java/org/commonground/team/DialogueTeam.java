package org.commonground.team;

import io.javalin.http.Context;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.dialogue.DialogueEditors;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;

/** Invitations to a dialogue's editors (who write its shared-understanding document), by its organizer. */
final class DialogueTeam implements TeamGrant {
    static final String EDITOR = "editor";

    private final DialogueFeature dialogues;

    DialogueTeam(DialogueFeature dialogues) {
        this.dialogues = dialogues;
    }

    @Override
    public String scope() {
        return "dialogue";
    }

    @Override
    public List<String> roles() {
        return List.of(EDITOR);
    }

    @Override
    public Account requireInviter(Context ctx, long id) {
        return dialogues.requireOrganizer(ctx, id);
    }

    @Override
    public Role accountRole(String role) {
        return Role.MODERATOR; // an account of the staff kind, with no conversation of its own
    }

    @Override
    public String title(long id, Language language) {
        return dialogues.title(id, language);
    }

    @Override
    public void grant(long id, Account account, String role, String country) {
        dialogues.editors().grant(id, account.id(), country);
    }

    /** An editor writes for one country cohort (publishing needs Japan's and Korea's): it must be named. */
    @Override
    public String country(String role, String given) {
        if (given == null || given.isBlank()) {
            throw Invalid.field("country", "team-invitation.country.required");
        }
        return DialogueEditors.country(given);
    }

    @Override
    public String workPath(long id, String role) {
        return "/d/" + id;
    }
}
