package org.commonground.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the production server. Runs until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Common Ground server.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secure-cookies", defaultValue = "${env:COMMONGROUND_SECURE_COOKIES:-false}",
            description = "Mark cookies Secure: use when people reach the server over HTTPS (env COMMONGROUND_SECURE_COOKIES).")
    boolean secureCookies;

    @Option(names = "--behind-proxy", defaultValue = "${env:COMMONGROUND_BEHIND_PROXY:-false}",
            description = "Trust a reverse proxy's Forwarded / X-Forwarded-* headers for the client's address, scheme and "
                    + "host; only when every request comes through it (env COMMONGROUND_BEHIND_PROXY).")
    boolean behindProxy;

    @Option(names = "--limits", defaultValue = "${env:COMMONGROUND_LIMITS:-}", paramLabel = "NAME=VALUE,…",
            description = "Change rate limits and the password-hashing pool, e.g. joins=60/1m,invite-joins=300/1m,"
                    + "votes=60/1m,statements=10/10m,sign-ins=20/10m,accounts=30/1h,hashing-queue=16 (the defaults; "
                    + "hashing-threads defaults to half the cores; a quota is N/time or off; env COMMONGROUND_LIMITS).")
    String limits;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        Database db = database.open();
        beforeStart(db);
        AppConfig config = AppConfig.defaults().withPort(port).deployed(secureCookies, behindProxy);
        Javalin app = App.create(config.withAbuseLimits(config.abuseLimits().with(limits == null ? "" : limits)), db.dataSource());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            db.close();
            stopped.countDown();
        }));
        app.start();
        System.out.println("Common Ground is listening on http://localhost:" + app.port() + "/");
        stopped.await();
        return 0;
    }

    /** Work to do on the open database before the server starts (the demo seeds its conversation). */
    protected void beforeStart(Database db) {}
}
