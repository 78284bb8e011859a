package org.commonground.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of HTTP tests: the {@link RunningApp} lifecycle (one fresh embedded database and one real
 * server per test class) and {@link TestAccounts} to make callers. Test classes run one after
 * another, so the static fields belong to whichever class is running.
 */
public abstract class ServerTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    protected static TestDatabase db;
    protected static TestServer server;
    protected static TestAccounts given;

    @BeforeAll
    static void startServer() {
        db = app.db();
        server = app.server();
        given = new TestAccounts(db);
    }
}
