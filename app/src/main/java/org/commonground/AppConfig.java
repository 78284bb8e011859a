package org.commonground;

import org.commonground.db.Database;
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
                MailSettings.off());
    }

    /**
     * The defaults; the one place system properties are read: {@code commonground.vote.writers}
     * and {@code commonground.db.pool}, for benchmarks that compare settings.
     */
    public static AppConfig defaults() {
        return new AppConfig(
                8080,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                false,
                64 * 1024,
                false,
                Integer.getInteger("commonground.vote.writers", DEFAULT_VOTE_WRITERS),
                Integer.getInteger("commonground.db.pool", Database.defaultPoolSize()),
                NetworkSettings.defaults(),
                MachineTranslationSettings.off(),
                AbuseLimits.defaults(),
                MailSettings.off());
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(
                newPort,
                analysisThreads,
                secureCookies,
                maxBodyBytes,
                behindProxy,
                voteWriters,
                databasePool,
                network,
                machineTranslation,
                abuseLimits,
                mail);
    }

    /** As deployed: over HTTPS ({@code secureCookies}) and/or behind a reverse proxy. */
    public AppConfig deployed(boolean newSecureCookies, boolean newBehindProxy) {
        return new AppConfig(
                port,
                analysisThreads,
                newSecureCookies,
                maxBodyBytes,
                newBehindProxy,
                voteWriters,
                databasePool,
                network,
                machineTranslation,
                abuseLimits,
                mail);
    }

    public AppConfig withNetwork(NetworkSettings newNetwork) {
        return new AppConfig(
                port,
                analysisThreads,
                secureCookies,
                maxBodyBytes,
                behindProxy,
                voteWriters,
                databasePool,
                newNetwork,
                machineTranslation,
                abuseLimits,
                mail);
    }

    /** The proxies whose forwarding headers count: those of {@code network}, else one if {@code behindProxy}. */
    public TrustedProxies trustedProxies() {
        if (!(network.trustedProxies() instanceof TrustedProxies.None)) {
            return network.trustedProxies();
        }
        return behindProxy ? new TrustedProxies.Hops(1) : network.trustedProxies();
    }

    public AppConfig withMachineTranslation(MachineTranslationSettings settings) {
        return new AppConfig(
                port,
                analysisThreads,
                secureCookies,
                maxBodyBytes,
                behindProxy,
                voteWriters,
                databasePool,
                network,
                settings,
                abuseLimits,
                mail);
    }

    public AppConfig withAbuseLimits(AbuseLimits newLimits) {
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
                newLimits,
                mail);
    }

    public AppConfig withMail(MailSettings newMail) {
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
                newMail);
    }
}
