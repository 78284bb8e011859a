package org.commonground.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.commonground.account.Accounts;
import org.commonground.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's embedded database under a data directory keeps its data across a restart. */
class DemoRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartedDemoFindsItsConversationAndVotesAndSeedsNothing() {
        DemoSeed.Seeded first;
        long votes;
        try (Database db = Database.embedded(dataDir)) {
            first = seed(db);
            votes = voteEvents(db);
        }

        try (Database db = Database.embedded(dataDir)) {
            DemoSeed.Seeded second = seed(db);

            assertThat(first.seeded()).isTrue();
            assertThat(second.seeded()).isFalse();
            assertThat(second.conversationId()).isEqualTo(first.conversationId());
            assertThat(voteEvents(db)).isEqualTo(votes).isPositive();
        }
    }

    private static DemoSeed.Seeded seed(Database db) {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        return new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty();
    }

    private static long voteEvents(Database db) {
        return Database.jdbi(db.dataSource())
                .withHandle(h -> h.createQuery("SELECT count(*) FROM vote_event")
                        .mapTo(Long.class)
                        .one());
    }
}
