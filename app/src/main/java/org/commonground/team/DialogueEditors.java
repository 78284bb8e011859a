package org.commonground.team;

import org.commonground.problem.Unavailable;

/**
 * The seam for the per-dialogue editor role, which the dialogue feature owns: on acceptance of a
 * dialogue team invitation, the invitee becomes an editor through this. Wired at merge by
 * {@code TeamFeature.grantDialogueEditorsWith(dialogue::addEditor)} (docs/mail.md); until then an
 * acceptance answers 503 {@code dialogue-editors-unwired} and the invitation stays open.
 */
@FunctionalInterface
public interface DialogueEditors {
    DialogueEditors UNWIRED = (dialogueId, accountId) -> {
        throw new Unavailable("dialogue-editors-unwired", "problem.dialogue-editors-unwired");
    };

    /** Makes the account an editor of the dialogue (idempotent). */
    void grantEditor(long dialogueId, long accountId);
}
