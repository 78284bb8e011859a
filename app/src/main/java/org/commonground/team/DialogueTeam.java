package org.commonground.team;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.web.Language;

/** Invitations to a dialogue's editors (who write its shared-understanding document), by its organizer. */
final class DialogueTeam implements TeamGrant {
    static final String EDITOR = "editor";

    private final DialogueFeature dialogues;
    private final Supplier<DialogueEditors> editors;

    DialogueTeam(DialogueFeature dialogues, Supplier<DialogueEditors> editors) {
        this.dialogues = dialogues;
        this.editors = editors;
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
    public void grant(long id, Account account, String role) {
        editors.get().grantEditor(id, account.id());
    }

    @Override
    public String workPath(long id, String role) {
        return "/d/" + id;
    }
}
