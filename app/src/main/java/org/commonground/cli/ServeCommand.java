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

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        Database db = database.open();
        beforeStart(db);
        Javalin app = App.create(AppConfig.defaults().withPort(port).deployed(secureCookies, behindProxy), db.dataSource());
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
