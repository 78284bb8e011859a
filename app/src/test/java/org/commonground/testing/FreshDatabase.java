package org.commonground.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded database for one test class, dropped after it:
 * {@code @RegisterExtension static final FreshDatabase db = new FreshDatabase();}. For tests that
 * start servers of their own or use the stores directly; {@link RunningApp} adds the app.
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase db;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestDatabase.embedded();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        db.close();
    }

    /** The database; valid from the class's {@code @BeforeAll} methods on. */
    public TestDatabase get() {
        return db;
    }
}
