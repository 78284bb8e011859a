package org.commonground.web;

import java.util.Optional;

/**
 * How the server meets the network.
 *
 * @param host           address to listen on; null or {@code 0.0.0.0} for every interface
 * @param trustedProxies the reverse proxies whose forwarding headers name the client
 * @param metricsToken   bearer token that opens {@code /metrics} to others than this machine; empty: this machine only
 */
public record NetworkSettings(String host, TrustedProxies trustedProxies, Optional<String> metricsToken) {

    public NetworkSettings {
        metricsToken = metricsToken.filter(t -> !t.isBlank());
    }

    /** Every interface, no proxy trusted, metrics for this machine only. */
    public static NetworkSettings defaults() {
        return new NetworkSettings(null, new TrustedProxies.None(), Optional.empty());
    }
}
