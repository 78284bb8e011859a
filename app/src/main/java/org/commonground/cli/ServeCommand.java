package org.commonground.cli;

import io.javalin.Javalin;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.dialogue.DraftingSettings;
import org.commonground.mail.MailSettings;
import org.commonground.translation.MachineTranslationSettings;
import org.commonground.web.AbuseLimits;
import org.commonground.web.NetworkSettings;
import org.commonground.web.TrustedProxies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code serve}: the production server. Runs until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Common Ground server.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--secure-cookies",
            defaultValue = "${env:COMMONGROUND_SECURE_COOKIES:-false}",
            description =
                    "Mark cookies Secure: use when people reach the server over HTTPS (env COMMONGROUND_SECURE_COOKIES).")
    boolean secureCookies;

    @Option(
            names = "--behind-proxy",
            defaultValue = "${env:COMMONGROUND_BEHIND_PROXY:-false}",
            description = "One reverse proxy stands in front of every request: the same as --trusted-proxies 1 "
                    + "(env COMMONGROUND_BEHIND_PROXY).")
    boolean behindProxy;

    @Option(
            names = "--machine-translation",
            paramLabel = "KIND:URL",
            defaultValue = "${env:COMMONGROUND_MACHINE_TRANSLATION}",
            description = "Machine translation service: libretranslate:http://127.0.0.1:5000, "
                    + "openai:http://127.0.0.1:8000/v1?model=NAME or deepl:https://api-free.deepl.com; the key comes "
                    + "from env COMMONGROUND_MACHINE_TRANSLATION_KEY. Off when not given; organizers then turn it on "
                    + "per conversation (env COMMONGROUND_MACHINE_TRANSLATION).")
    String machineTranslation;

    @Option(
            names = "--llm",
            defaultValue = "${env:COMMONGROUND_LLM}",
            description = "A language model that drafts sections of a dialogue's document for its editors to approve:"
                    + " openai:URL?model=NAME for an OpenAI-compatible chat-completions service (API key from env"
                    + " COMMONGROUND_LLM_KEY). Off when not given (env COMMONGROUND_LLM).")
    String llm;

    @Option(
            names = "--smtp-url",
            paramLabel = "smtp://[user:pass@]host:port",
            defaultValue = "${env:COMMONGROUND_SMTP_URL}",
            description = "SMTP server for team invitations and participants' reminders; mail is off when not given "
                    + "(env COMMONGROUND_SMTP_URL, preferred for a password).")
    String smtpUrl;

    @Option(
            names = "--mail-from",
            paramLabel = "ADDRESS",
            defaultValue = "${env:COMMONGROUND_MAIL_FROM}",
            description = "Sender address of every mail, needed with --smtp-url (env COMMONGROUND_MAIL_FROM).")
    String mailFrom;

    @Option(
            names = "--mail-key-file",
            paramLabel = "FILE",
            defaultValue = "${env:COMMONGROUND_MAIL_KEY_FILE}",
            description =
                    "The key (32 random bytes, base64) that encrypts participants' reminder addresses, kept outside "
                            + "the database; generated as mail.key in the data directory of an embedded database when not given "
                            + "(env COMMONGROUND_MAIL_KEY_FILE). Without one, participants cannot leave an address.")
    java.nio.file.Path mailKeyFile;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            defaultValue = "${env:COMMONGROUND_PUBLIC_URL}",
            description = "The server's address as people reach it (https://host[:port]), for the links of the team's "
                    + "hourly digest mail (env COMMONGROUND_PUBLIC_URL); without it that digest is sent only when an "
                    + "admin asks for it.")
    String publicUrl;

    @Option(
            names = "--trusted-proxies",
            paramLabel = "COUNT|CIDRS",
            defaultValue = "${env:COMMONGROUND_TRUSTED_PROXIES:-none}",
            converter = TrustedProxiesOption.class,
            description =
                    "Reverse proxies whose X-Forwarded-For / Forwarded / X-Forwarded-Proto / -Host headers count: "
                            + "'none' (default), a number of proxies in front of every request, or their addresses and "
                            + "networks, e.g. 10.0.0.0/8,::1 (env COMMONGROUND_TRUSTED_PROXIES).")
    TrustedProxies trustedProxies;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "${env:COMMONGROUND_HOST}",
            description = "Address to listen on; 0.0.0.0 for every interface, 127.0.0.1 behind a proxy on the same "
                    + "machine (default: every interface for serve, 127.0.0.1 for demo; env COMMONGROUND_HOST).")
    String host;

    @Option(
            names = "--metrics-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:COMMONGROUND_METRICS_TOKEN}",
            description =
                    "Bearer token that opens /metrics to other machines (otherwise only this machine may read it); "
                            + "prefer the env COMMONGROUND_METRICS_TOKEN, as the command line is visible to other users.")
    String metricsToken;

    @Option(
            names = "--limits",
            defaultValue = "${env:COMMONGROUND_LIMITS:-}",
            paramLabel = "NAME=VALUE,…",
            converter = LimitsOption.class,
            description = "Change rate limits and the password-hashing pool, e.g. joins=60/1m,invite-joins=300/1m,"
                    + "votes=60/1m,statements=10/10m,sign-ins=20/10m,accounts=30/1h,hashing-queue=16 (the defaults; "
                    + "hashing-threads defaults to half the cores; a quota is N/time or off; env COMMONGROUND_LIMITS).")
    AbuseLimits limits;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = config();
        Database db = database.open(config.databasePool());
        beforeStart(db, config);
        Javalin app = App.create(config, db.dataSource());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            db.close();
            stopped.countDown();
        }));
        app.start();
        String bind = config.network().host();
        String shown = bind.equals("0.0.0.0") || bind.equals("::")
                ? "localhost"
                : bind.contains(":") ? "[" + bind + "]" : bind;
        System.out.println("Common Ground is listening on http://" + shown + ":" + app.port() + "/"
                + (shown.equals("localhost") ? " (every interface)" : ""));
        afterStart("http://" + shown + ":" + app.port());
        stopped.await();
        return 0;
    }

    /** The server's settings from the options; a malformed machine translation setting stops here. */
    AppConfig config() {
        MachineTranslationSettings mt;
        DraftingSettings drafting;
        try {
            mt = MachineTranslationSettings.parse(
                    machineTranslation, System.getenv("COMMONGROUND_MACHINE_TRANSLATION_KEY"));
            drafting = DraftingSettings.parse(llm, System.getenv("COMMONGROUND_LLM_KEY"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        MailSettings mail;
        try {
            java.nio.file.Path key = mailKeyFile != null
                    ? mailKeyFile
                    : database.embeddedDirectory()
                            .map(d -> d.resolve("mail.key"))
                            .orElse(null);
            mail = MailSettings.of(smtpUrl, mailFrom).withAddressKeyFile(key).withPublicUrl(publicUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        NetworkSettings network = new NetworkSettings(bind(), trustedProxies, Optional.ofNullable(metricsToken));
        return AppConfig.defaults()
                .withPort(port)
                .deployed(secureCookies, behindProxy)
                .withNetwork(network)
                .withMachineTranslation(mt)
                .withDrafting(drafting)
                .withAbuseLimits(limits)
                .withMail(mail);
    }

    /** The address to listen on: {@code --host}, else {@link #defaultHost()}. */
    String bind() {
        return host == null || host.isBlank() ? defaultHost() : host.strip();
    }

    /**
     * Where to listen without {@code --host}: every interface, since a production server is reached
     * from other machines (directly, or from a proxy or container network).
     */
    protected String defaultHost() {
        return "0.0.0.0";
    }

    /** {@code --limits} values over the defaults. */
    static final class LimitsOption extends ParsedOption<AbuseLimits> {
        @Override
        AbuseLimits parse(String value) {
            return AbuseLimits.defaults().with(value);
        }
    }

    /** {@code --trusted-proxies} values. */
    static final class TrustedProxiesOption extends ParsedOption<TrustedProxies> {
        @Override
        TrustedProxies parse(String value) {
            return TrustedProxies.parse(value);
        }
    }

    /** An option value parsed by its settings type, refused with picocli's message naming the option when malformed. */
    abstract static class ParsedOption<T> implements ITypeConverter<T> {
        abstract T parse(String value);

        @Override
        public final T convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Work to do on the open database before the server starts (the demo seeds its conversation). */
    protected void beforeStart(Database db, AppConfig config) {}

    /** What to say once the server listens at {@code base} (no trailing slash): the demo names its pages. */
    protected void afterStart(String base) {}
}
