package org.commonground.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Accounts;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;

/**
 * The editor role on one dialogue: an account that writes the shared-understanding document and
 * approves its versions for one country cohort (JP, KR, …). The dialogue's organizer grants it (the
 * API and the organizer's page); other features call {@link #grant} too (team invitations by e-mail).
 */
public final class DialogueEditors {
    private final DocumentStore store;
    private final DialogueStore dialogues;
    private final Accounts accounts;
    private final Clock clock;

    DialogueEditors(DocumentStore store, DialogueStore dialogues, Accounts accounts, Clock clock) {
        this.store = store;
        this.dialogues = dialogues;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Makes the account an editor of the dialogue for the country cohort {@code country} (JP, KR, US,
     * other, …; two-letter codes are upper-cased); granting again changes the country. 404 for an
     * unknown dialogue or account, 422 for a malformed country.
     */
    public void grant(long dialogueId, long accountId, String country) {
        dialogues.get(dialogueId);
        accounts.find(accountId).orElseThrow(() -> NotFound.of("account", accountId));
        store.grantEditor(dialogueId, accountId, country(country), clock.instant());
    }

    /** The country cohort the account edits the dialogue for, if it is one of its editors. */
    public Optional<String> countryOf(long dialogueId, long accountId) {
        return store.countryOf(dialogueId, accountId);
    }

    /** The dialogue's editors by country, with their e-mails. */
    List<SharedDocument.Editor> list(long dialogueId) {
        List<DocumentStore.EditorRow> rows = store.editors(dialogueId);
        Map<Long, String> emails = accounts.emails(
                rows.stream().map(DocumentStore.EditorRow::accountId).toList());
        return rows.stream()
                .map(r -> new SharedDocument.Editor(
                        r.accountId(), emails.getOrDefault(r.accountId(), ""), r.country(), r.grantedAt()))
                .toList();
    }

    /** A country cohort code as stored: two letters upper-cased, longer codes ("other") lower-cased; else 422. */
    public static String country(String raw) {
        String c = raw == null ? "" : raw.strip();
        if (!c.matches("[A-Za-z]{2,16}")) {
            throw Invalid.field("country", "document.editor.country");
        }
        return c.length() == 2 ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT);
    }
}
