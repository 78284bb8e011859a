package org.commonground;

/**
 * Settings of one running server.
 *
 * @param port              TCP port to listen on; 0 picks a free one (tests)
 * @param analysisThreads   size of the bounded pool for CPU-heavy work (analysis), ≥ 1
 * @param secureCookies     mark cookies Secure (behind TLS)
 * @param maxBodyBytes      largest request body accepted, in bytes; larger ones get 413
 */
public record AppConfig(int port, int analysisThreads, boolean secureCookies, long maxBodyBytes) {

    public static AppConfig defaults() {
        return new AppConfig(8080, Math.max(1, Runtime.getRuntime().availableProcessors()), false, 64 * 1024);
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, analysisThreads, secureCookies, maxBodyBytes);
    }
}
