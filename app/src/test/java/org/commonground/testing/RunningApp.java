package org.commonground.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a fresh embedded database for one test class:
 * {@code @RegisterExtension static final RunningApp app = new RunningApp();}.
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase db;
    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestDatabase.embedded();
        server = TestServer.start(db);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            server.close();
        } finally {
            db.close();
        }
    }

    public TestServer server() {
        return server;
    }

    public TestDatabase db() {
        return db;
    }
}
