package org.commonground.testing;

import java.time.Clock;
import org.commonground.AppConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a fresh embedded database for one test class:
 * {@code @RegisterExtension static final RunningApp app = new RunningApp();}.
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback {
    private final AppConfig config;
    private final Clock clock;
    private TestDatabase db;
    private TestServer server;

    public RunningApp() {
        this(AppConfig.defaults(), Clock.systemUTC());
    }

    /** With these settings and the clock of rate windows and throttles (a {@link HandClock} the test moves). */
    public RunningApp(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestDatabase.embedded();
        server = TestServer.start(db, config, clock);
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
