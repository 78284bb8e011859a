package org.commonground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (docs/architecture.md): the SQL written in a package names only the tables
 * that package owns. The check reads the SQL text of the app's sources (every table named after
 * FROM, JOIN, INTO, UPDATE or COPY) and the tables the migrations create.
 */
class TableOwnersTest {
    static final Path SOURCES = Path.of("src/main/java/org/commonground");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Every table and the one package whose stores read and write it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("account", "account"),
            Map.entry("account_session", "account"),
            Map.entry("api_token", "account"),
            Map.entry("conversation", "conversation"),
            Map.entry("conversation_text", "conversation"),
            Map.entry("cohort_dimension", "conversation"),
            Map.entry("cohort_value", "conversation"),
            Map.entry("conversation_member", "conversation"),
            Map.entry("invite", "conversation"),
            Map.entry("invite_cohort", "conversation"),
            Map.entry("statement", "statement"),
            Map.entry("translation", "translation"),
            Map.entry("participant", "participation"),
            Map.entry("participant_cohort", "participation"),
            Map.entry("vote_event", "participation"),
            Map.entry("current_vote", "participation"),
            // machine translation (V80), the translation feature's
            Map.entry("machine_translation_setting", "translation"),
            Map.entry("translation_job", "translation"),
            Map.entry("translation_usage", "translation"),
            Map.entry("machine_text", "translation"),
            Map.entry("glossary_term", "translation"),
            // brigading response (V120), the integrity feature's
            Map.entry("participant_exclusion", "integrity"),
            Map.entry("exclusion_audit", "integrity"),
            // privacy (V130): each conversation's erasure policy
            Map.entry("privacy_setting", "privacy"),
            // crosslingual (V140): duplicate links are recorded with moderation decisions (statement), cohort labels
            // are translations
            Map.entry("statement_duplicate", "statement"),
            Map.entry("cohort_label", "translation"),
            // dialogues over months (V160), the dialogue feature's
            // e-mail and embeds (V180): the outbox is the mail plumbing's, invitations the team feature's
            Map.entry("mail_outbox", "mail"),
            Map.entry("team_invitation", "team"),
            Map.entry("embed_origin", "embed"),
            Map.entry("mail_subscription", "reminder"),
            Map.entry("team_digest", "reminder"),
            Map.entry("dialogue", "dialogue"),
            Map.entry("dialogue_text", "dialogue"),
            Map.entry("dialogue_round", "dialogue"),
            Map.entry("dialogue_carried", "dialogue"),
            Map.entry("dialogue_person", "dialogue"),
            Map.entry("dialogue_person_round", "dialogue"),
            // the shared-understanding document (V170), the dialogue feature's
            Map.entry("dialogue_editor", "dialogue"),
            Map.entry("dialogue_section", "dialogue"),
            Map.entry("dialogue_clause", "dialogue"),
            Map.entry("dialogue_document_version", "dialogue"),
            Map.entry("dialogue_version_approval", "dialogue"));

    /** The owner of {@code table}: listed in {@link #OWNER}, or the forum's for every {@code forum…} table. */
    static String owner(String table) {
        return table.equals("forum") || table.startsWith("forum_") ? "forum" : OWNER.get(table);
    }

    /**
     * Classes that still name another package's table, as {@code Class:table}, and no new ones;
     * read only (docs/architecture.md says why it stays).
     * <ul>
     * <li>VoteStore: the vote hot path checks the conversation's state, the participant and the
     *     statement in the one statement that records a batch of votes, on purpose (raw JDBC only on
     *     the vote hot path): a round trip per check would cost more than the vote.
     * </ul>
     */
    static final Set<String> ACROSS_OWNERS = Set.of("VoteStore:conversation", "VoteStore:statement");

    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|COPY)\\s+([a-z_]+)\\b");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");

    @Test
    void everyTableHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(created)
                .as("tables created by the migrations without an owner (add them to OWNER)")
                .filteredOn(table -> owner(table) == null)
                .isEmpty();
    }

    @Test
    void eachPackageNamesOnlyItsOwnTables() throws IOException {
        Set<String> across = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(f);
                if (relative.getNameCount() < 2) {
                    continue; // App, Main, AppConfig: wiring, no SQL
                }
                String pkg = relative.getName(0).toString();
                if (pkg.equals("db")) {
                    continue; // plumbing: migrations and the health check
                }
                String cls = f.getFileName().toString().replace(".java", "");
                Matcher m = TABLE.matcher(Files.readString(f));
                while (m.find()) {
                    String owner = owner(m.group(1));
                    if (owner != null && !owner.equals(pkg)) {
                        across.add(cls + ":" + m.group(1));
                    }
                }
            }
        }
        assertThat(across)
                .as("SQL naming another package's table (Class:table)")
                .containsExactlyInAnyOrderElementsOf(ACROSS_OWNERS);
    }
}
