package org.commonground;

import java.util.function.Consumer;
import org.commonground.db.Database;
import org.commonground.dialogue.DraftingSettings;
import org.commonground.mail.MailSettings;
import org.commonground.translation.MachineTranslationSettings;
import org.commonground.web.AbuseLimits;
import org.commonground.web.NetworkSettings;
import org.commonground.web.TrustedProxies;

/**
 * Settings of one running server.
 *
 * @param port              TCP port to listen on; 0 picks a free one (tests)
 * @param analysisThreads   size of the bounded pool for CPU-heavy work (analysis), ≥ 1
 * @param secureCookies     mark cookies Secure (served over HTTPS, directly or through a proxy)
 * @param maxBodyBytes      largest request body accepted, in bytes; larger ones get 413
 * @param behindProxy       one reverse proxy stands in front of every request (as
 *                          {@code --trusted-proxies 1} when {@code network} names none)
 * @param voteWriters       batches of votes written at once, ≥ 1; two let one batch fill while the
 *                          other waits for its WAL flush (docs/benchmarks.md)
 * @param databasePool      connections in the database pool, ≥ 1 (docs/benchmarks.md: a few per core)
 * @param network           bind address, trusted proxies, metrics access
 * @param machineTranslation the machine translation service, off unless the operator names one
 * @param abuseLimits       request quotas (429) and the password-hashing pool
 * @param drafting          the language model that drafts document sections, off unless the operator names one
 * @param mail              the SMTP server and sender address, off unless the operator names them (docs/mail.md)
 */
public record AppConfig(
        int port,
        int analysisThreads,
        boolean secureCookies,
        long maxBodyBytes,
        boolean behindProxy,
        int voteWriters,
        int databasePool,
        NetworkSettings network,
        MachineTranslationSettings machineTranslation,
        AbuseLimits abuseLimits,
        DraftingSettings drafting,
        MailSettings mail) {
    /** Votes written at once unless {@code -Dcommonground.vote.writers} says otherwise (benchmarks compare). */
    static final int DEFAULT_VOTE_WRITERS = 2;

    /** Port, pool, cookies, body limit and proxy as given; every later setting at its default (tests). */
    public AppConfig(int port, int analysisThreads, boolean secureCookies, long maxBodyBytes, boolean behindProxy) {
        this(
                port,
                analysisThreads,
                secureCookies,
                maxBodyBytes,
                behindProxy,
                DEFAULT_VOTE_WRITERS,
                Database.defaultPoolSize(),
                NetworkSettings.defaults(),
                MachineTranslationSettings.off(),
                AbuseLimits.defaults(),
                DraftingSettings.off(),
                MailSettings.off());
    }

    /**
     * The defaults; the one place system properties are read: {@code commonground.vote.writers}
     * and {@code commonground.db.pool}, for benchmarks that compare settings.
     */
    public static AppConfig defaults() {
        return new AppConfig(8080, Math.max(1, Runtime.getRuntime().availableProcessors()), false, 64 * 1024, false)
                .with(d -> {
                    d.voteWriters = Integer.getInteger("commonground.vote.writers", DEFAULT_VOTE_WRITERS);
                    d.databasePool = Integer.getInteger("commonground.db.pool", Database.defaultPoolSize());
                });
    }

    public AppConfig withPort(int newPort) {
        return with(d -> d.port = newPort);
    }

    /** As deployed: over HTTPS ({@code secureCookies}) and/or behind a reverse proxy. */
    public AppConfig deployed(boolean newSecureCookies, boolean newBehindProxy) {
        return with(d -> {
            d.secureCookies = newSecureCookies;
            d.behindProxy = newBehindProxy;
        });
    }

    public AppConfig withNetwork(NetworkSettings newNetwork) {
        return with(d -> d.network = newNetwork);
    }

    /** The proxies whose forwarding headers count: those of {@code network}, else one if {@code behindProxy}. */
    public TrustedProxies trustedProxies() {
        if (!(network.trustedProxies() instanceof TrustedProxies.None)) {
            return network.trustedProxies();
        }
        return behindProxy ? new TrustedProxies.Hops(1) : network.trustedProxies();
    }

    public AppConfig withMachineTranslation(MachineTranslationSettings settings) {
        return with(d -> d.machineTranslation = settings);
    }

    public AppConfig withDrafting(DraftingSettings settings) {
        return with(d -> d.drafting = settings);
    }

    public AppConfig withAbuseLimits(AbuseLimits newLimits) {
        return with(d -> d.abuseLimits = newLimits);
    }

    public AppConfig withMail(MailSettings newMail) {
        return with(d -> d.mail = newMail);
    }

    /** A copy with {@code change} applied: every wither names only what it changes. */
    private AppConfig with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The settings as mutable fields, for one wither's change; never escapes {@link #with}. */
    private static final class Draft {
        int port;
        int analysisThreads;
        boolean secureCookies;
        long maxBodyBytes;
        boolean behindProxy;
        int voteWriters;
        int databasePool;
        NetworkSettings network;
        MachineTranslationSettings machineTranslation;
        AbuseLimits abuseLimits;
        DraftingSettings drafting;
        MailSettings mail;

        Draft(AppConfig c) {
            port = c.port;
            analysisThreads = c.analysisThreads;
            secureCookies = c.secureCookies;
            maxBodyBytes = c.maxBodyBytes;
            behindProxy = c.behindProxy;
            voteWriters = c.voteWriters;
            databasePool = c.databasePool;
            network = c.network;
            machineTranslation = c.machineTranslation;
            abuseLimits = c.abuseLimits;
            drafting = c.drafting;
            mail = c.mail;
        }

        AppConfig build() {
            return new AppConfig(
                    port,
                    analysisThreads,
                    secureCookies,
                    maxBodyBytes,
                    behindProxy,
                    voteWriters,
                    databasePool,
                    network,
                    machineTranslation,
                    abuseLimits,
                    drafting,
                    mail);
        }
    }
}
