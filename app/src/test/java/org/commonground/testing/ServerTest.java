package org.commonground.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of HTTP tests: one fresh embedded database and one real server per test class, and
 * {@link TestAccounts} to make callers. Test classes run one after another, so the static
 * fields belong to whichever class is running.
 */
public abstract class ServerTest {
    protected static TestDatabase db;
    protected static TestServer server;
    protected static TestAccounts given;

    @BeforeAll
    static void startServer() {
        db = TestDatabase.embedded();
        server = TestServer.start(db);
        given = new TestAccounts(db);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }
}
