package org.commonground.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the participation HTTP tests: the real app on the embedded database, fresh for each test
 * class, with the {@link ParticipationGiven} factories over the same database.
 */
public abstract class ParticipationServerTest {
    protected static TestDatabase db;
    protected static TestServer server;
    protected static ParticipationGiven given;

    @BeforeAll
    static void startServer() {
        db = TestDatabase.embedded();
        server = TestServer.start(db);
        given = new ParticipationGiven(db);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }
}
