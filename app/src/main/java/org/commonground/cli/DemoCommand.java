package org.commonground.cli;

import java.util.List;
import org.commonground.AppConfig;
import org.commonground.account.Accounts;
import org.commonground.db.Database;
import org.commonground.demo.DemoGlossary;
import org.commonground.demo.DemoSeed;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;

/** {@code demo}: the server, with the demo conversation and accounts seeded into an empty database. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the server like 'serve', first seeding the demo conversation \"What should Japanese "
                + "and Korean citizens do together?\" and demo accounts if the database has no conversation "
                + "yet.")
public final class DemoCommand extends ServeCommand {
    private long conversationId;
    private long dialogueId;

    /** The demo prints its accounts' passwords: this machine only, unless --host says otherwise. */
    @Override
    protected String defaultHost() {
        return "127.0.0.1";
    }

    @Override
    protected void beforeStart(Database db, AppConfig config) {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        DemoSeed.Seeded outcome = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty();
        conversationId = outcome.conversationId();
        dialogueId = outcome.dialogueId();
        DemoGlossary.setUp(jdbi, outcome, config.machineTranslation());
        if (!outcome.seeded()) {
            System.out.println("The database already has conversations (the demo is conversation "
                    + outcome.conversationId() + "); nothing was seeded.");
            System.out.println("Demo accounts are <role>@demo.commonground.test; their passwords were shown when the"
                    + " demo was first seeded.");
            return;
        }
        System.out.println("Seeded the demo conversation " + outcome.conversationId() + ".");
        System.out.println("Demo accounts (passwords are shown this once; write them down):");
        for (DemoSeed.Credential c : outcome.accounts()) {
            System.out.printf(
                    "  %-11s %-36s %s%n",
                    c.role().code(), c.email(), c.password().orElse("(existed before; password unchanged)"));
        }
    }

    @Override
    protected void afterStart(String base) {
        addresses(base, conversationId).forEach(System.out::println);
        if (dialogueId > 0) {
            System.out.println("A dialogue in rounds:  " + base + "/d/" + dialogueId);
            System.out.println("Its shared document:   " + base + "/d/" + dialogueId + "/document");
        }
    }

    /** The lines that tell a newcomer where to go: the demo conversation and its results. */
    static List<String> addresses(String base, long conversationId) {
        return List.of(
                "The demo conversation: " + base + "/c/" + conversationId,
                "Its results:           " + base + "/c/" + conversationId + "/results");
    }
}
