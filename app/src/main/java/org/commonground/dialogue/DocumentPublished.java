package org.commonground.dialogue;

/**
 * Told when a version of a dialogue's shared-understanding document is published (a higher
 * feature's hook: the reminder mail, org.commonground.reminder). Called after the publication is stored.
 */
@FunctionalInterface
public interface DocumentPublished {
    DocumentPublished NOBODY = (dialogueId, version) -> {};

    void documentPublished(long dialogueId, int version);
}
