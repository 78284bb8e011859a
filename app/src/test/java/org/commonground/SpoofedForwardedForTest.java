package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.commonground.account.Role;
import org.commonground.account.SignInAttempts;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.commonground.web.NetworkSettings;
import org.commonground.web.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A guesser who writes a new leftmost X-Forwarded-For on every attempt stays one client to the
 * sign-in throttle: the hop our proxy appended (or, with no trusted proxy, the socket) counts.
 * The test connects from loopback and plays the proxy by appending the guesser's real address.
 */
class SpoofedForwardedForTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private static final String GUESSER = "203.0.113.5";

    @Test
    void behindOneProxyASpoofedLeftmostAddressDoesNotEscapeTheThrottle() {
        assertGuesserThrottled(new TrustedProxies.Hops(1), i -> "198.51.100." + i + ", " + GUESSER);
    }

    @Test
    void behindTrustedNetworksASpoofedLeftmostAddressDoesNotEscapeTheThrottle() {
        assertGuesserThrottled(
                TrustedProxies.parse("127.0.0.0/8,10.0.0.0/8"), i -> "198.51.100." + i + ", " + GUESSER + ", 10.0.0.2");
    }

    @Test
    void withNoTrustedProxyForwardingHeadersAreIgnored() {
        assertGuesserThrottled(new TrustedProxies.None(), i -> "198.51.100." + i);
    }

    private static void assertGuesserThrottled(
            TrustedProxies proxies, java.util.function.IntFunction<String> forwardedFor) {
        var caller = new TestAccounts(database.get()).create(Role.ORGANIZER);
        AppConfig config = AppConfig.defaults().withNetwork(new NetworkSettings(null, proxies, Optional.empty()));
        try (TestServer server = TestServer.start(database.get(), config)) {
            for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
                var failed = server.postJson(
                        "/api/v1/session",
                        Map.of("email", caller.email(), "password", "guess " + i),
                        "X-Forwarded-For",
                        forwardedFor.apply(i));
                assertThat(failed.status()).isEqualTo(401);
            }

            var again = server.postJson(
                    "/api/v1/session",
                    Map.of("email", caller.email(), "password", TestAccounts.PASSWORD),
                    "X-Forwarded-For",
                    forwardedFor.apply(99));

            assertThat(again.status())
                    .as("a new leftmost address is still the same guesser")
                    .isEqualTo(429);
            assertThat(again.header("Retry-After")).isNotBlank();
        }
    }
}
