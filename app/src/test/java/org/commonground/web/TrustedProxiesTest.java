package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which X-Forwarded-For hop is the client: walked from the right, past our own proxies only. */
class TrustedProxiesTest {
    private static final InetAddress LOOPBACK = ip("127.0.0.1");

    @Test
    void withNoTrustedProxyTheHeadersAreIgnored() {
        TrustedProxies none = TrustedProxies.parse("none");

        assertThat(none.trustsPeer(LOOPBACK)).isFalse();
        assertThat(none.client(LOOPBACK, hops("198.51.100.1"))).isEqualTo(LOOPBACK);
        assertThat(TrustedProxies.parse("")).isEqualTo(none);
        assertThat(TrustedProxies.parse("0")).isEqualTo(none);
    }

    @Test
    void oneTrustedHopTakesTheAddressItsProxyAppendedNotTheLeftmost() {
        TrustedProxies one = TrustedProxies.parse("1");

        assertThat(one.client(LOOPBACK, hops("6.6.6.6, 203.0.113.5"))).isEqualTo(ip("203.0.113.5"));
        assertThat(one.client(LOOPBACK, hops("203.0.113.5"))).isEqualTo(ip("203.0.113.5"));
        assertThat(one.client(LOOPBACK, hops()))
                .as("a request that skipped the proxy")
                .isEqualTo(LOOPBACK);
    }

    @Test
    void twoTrustedHopsSkipTheInnerProxy() {
        TrustedProxies two = TrustedProxies.parse("2");

        assertThat(two.client(LOOPBACK, hops("6.6.6.6, 203.0.113.5, 10.0.0.2"))).isEqualTo(ip("203.0.113.5"));
    }

    @Test
    void trustedNetworksAreWalkedFromTheRightUntilAnAddressOutsideThem() {
        TrustedProxies ours = TrustedProxies.parse("127.0.0.0/8, 10.0.0.0/8,2001:db8::/32");

        assertThat(ours.client(LOOPBACK, hops("6.6.6.6, 203.0.113.5, 10.1.2.3")))
                .isEqualTo(ip("203.0.113.5"));
        assertThat(ours.client(LOOPBACK, hops("10.9.9.9, 2001:db8::7")))
                .as("all ours: the furthest")
                .isEqualTo(ip("10.9.9.9"));
        assertThat(ours.client(ip("192.0.2.1"), hops("203.0.113.5")))
                .as("a peer that is no proxy of ours")
                .isEqualTo(ip("192.0.2.1"));
        assertThat(ours.trustsPeer(ip("192.0.2.1"))).isFalse();
        assertThat(ours.trustsPeer(ip("2001:db8:1::1"))).isTrue();
    }

    @Test
    void aHopThatIsNoAddressIsNeverTheClient() {
        TrustedProxies ours = TrustedProxies.parse("127.0.0.1");

        assertThat(ours.client(LOOPBACK, hops("203.0.113.5, unknown"))).isEqualTo(LOOPBACK);
        assertThat(TrustedProxies.parse("1").client(LOOPBACK, hops("evil.example")))
                .isEqualTo(LOOPBACK);
    }

    @Test
    void forwardedHeadersOfRfc7239AndPortsAndBracketsAreRead() {
        assertThat(ForwardedFor.hops(
                        List.of(), List.of("for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"")))
                .containsExactly(ip("192.0.2.60"), ip("2001:db8:cafe::17"));
        assertThat(ForwardedFor.hops(List.of("203.0.113.5:8443, [::1]:80"), List.of("for=192.0.2.60")))
                .as("X-Forwarded-For first")
                .containsExactly(ip("203.0.113.5"), ip("::1"));
        assertThat(ForwardedFor.literal("localhost"))
                .as("names are not looked up")
                .isNull();
    }

    @Test
    void malformedSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("/33");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("proxy.example");
    }

    private static List<InetAddress> hops(String... headerValues) {
        return ForwardedFor.hops(List.of(headerValues), List.of());
    }

    private static InetAddress ip(String literal) {
        return ForwardedFor.literal(literal);
    }
}
