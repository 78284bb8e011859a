package org.commonground;

import org.commonground.web.AbuseLimits;

/**
 * Settings of one running server.
 *
 * @param port              TCP port to listen on; 0 picks a free one (tests)
 * @param analysisThreads   size of the bounded pool for CPU-heavy work (analysis), ≥ 1
 * @param secureCookies     mark cookies Secure (served over HTTPS, directly or through a proxy)
 * @param maxBodyBytes      largest request body accepted, in bytes; larger ones get 413
 * @param behindProxy       trust the Forwarded / X-Forwarded-* headers of a reverse proxy for the
 *                          client's address, scheme and host (invite links, sign-in throttling);
 *                          only safe when every request comes through that proxy
 * @param abuseLimits       request quotas (429) and the password-hashing pool
 */
public record AppConfig(int port, int analysisThreads, boolean secureCookies, long maxBodyBytes, boolean behindProxy,
                        AbuseLimits abuseLimits) {

    /** With the default {@link AbuseLimits}. */
    public AppConfig(int port, int analysisThreads, boolean secureCookies, long maxBodyBytes, boolean behindProxy) {
        this(port, analysisThreads, secureCookies, maxBodyBytes, behindProxy, AbuseLimits.defaults());
    }

    public static AppConfig defaults() {
        return new AppConfig(8080, Math.max(1, Runtime.getRuntime().availableProcessors()), false, 64 * 1024, false);
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, analysisThreads, secureCookies, maxBodyBytes, behindProxy, abuseLimits);
    }

    /** As deployed: over HTTPS ({@code secureCookies}) and/or behind a reverse proxy. */
    public AppConfig deployed(boolean newSecureCookies, boolean newBehindProxy) {
        return new AppConfig(port, analysisThreads, newSecureCookies, maxBodyBytes, newBehindProxy, abuseLimits);
    }

    public AppConfig withAbuseLimits(AbuseLimits newLimits) {
        return new AppConfig(port, analysisThreads, secureCookies, maxBodyBytes, behindProxy, newLimits);
    }
}
