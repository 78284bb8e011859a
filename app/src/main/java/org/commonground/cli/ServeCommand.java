package org.commonground.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.translation.MachineTranslationSettings;
import picocli.CommandLine;
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

    @Option(names = "--machine-translation", paramLabel = "KIND:URL",
            defaultValue = "${env:COMMONGROUND_MACHINE_TRANSLATION}",
            description = "Machine translation service: libretranslate:http://127.0.0.1:5000, "
                    + "openai:http://127.0.0.1:8000/v1?model=NAME or deepl:https://api-free.deepl.com; the key comes "
                    + "from env COMMONGROUND_MACHINE_TRANSLATION_KEY. Off when not given; organizers then turn it on "
                    + "per conversation (env COMMONGROUND_MACHINE_TRANSLATION).")
    String machineTranslation;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = config();
        Database db = database.open();
        beforeStart(db, config);
        Javalin app = App.create(config, db.dataSource());
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

    /** The server's settings from the options; a malformed machine translation setting stops here. */
    AppConfig config() {
        MachineTranslationSettings mt;
        try {
            mt = MachineTranslationSettings.parse(machineTranslation, System.getenv("COMMONGROUND_MACHINE_TRANSLATION_KEY"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return AppConfig.defaults().withPort(port).deployed(secureCookies, behindProxy).withMachineTranslation(mt);
    }

    /** Work to do on the open database before the server starts (the demo seeds its conversation). */
    protected void beforeStart(Database db, AppConfig config) {}
}
