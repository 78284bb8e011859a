package org.commonground.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the participation HTTP tests: the {@link RunningApp} lifecycle (the real app on the
 * embedded database, fresh for each test class) with the {@link ParticipationGiven} factories over
 * the same database.
 */
public abstract class ParticipationServerTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    protected static TestDatabase db;
    protected static TestServer server;
    protected static ParticipationGiven given;

    @BeforeAll
    static void startServer() {
        db = app.db();
        server = app.server();
        given = new ParticipationGiven(db);
    }
}
