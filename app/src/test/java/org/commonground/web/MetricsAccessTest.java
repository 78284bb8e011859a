package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} is for this machine, or for whoever holds the metrics token; {@code host}
 * decides which interfaces the server listens on.
 */
class MetricsAccessTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Test
    void thisMachineReadsMetricsButNotThroughALocalProxy() {
        try (TestServer server = TestServer.start(database.get(), AppConfig.defaults())) {
            assertThat(server.get("/metrics").status()).isEqualTo(200);

            var proxied = server.get("/metrics", "X-Forwarded-For", "203.0.113.9", "Accept-Language", "ja");

            assertThat(proxied.status())
                    .as("a proxy on this machine forwarding someone")
                    .isEqualTo(403);
            assertThat(proxied.json().get("detail").asText()).contains("メトリクス");
        }
    }

    @Test
    void aForwardedClientNeedsTheToken() {
        AppConfig config = AppConfig.defaults()
                .withNetwork(
                        new NetworkSettings(null, new TrustedProxies.Hops(1), Optional.of("s3cret-metrics-token")));
        try (TestServer server = TestServer.start(database.get(), config)) {
            String[] remote = {"X-Forwarded-For", "203.0.113.9"};

            assertThat(server.get("/metrics", remote).status()).isEqualTo(403);
            assertThat(server.get("/metrics", "X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer wrong")
                            .status())
                    .isEqualTo(403);
            var scraped = server.get(
                    "/metrics", "X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer s3cret-metrics-token");
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void onEveryInterfaceAnotherAddressOfThisMachineIsNotLoopbackAndOnLoopbackItIsNotServed() throws Exception {
        InetAddress lan = nonLoopbackAddress();
        Javalin everywhere = start(new NetworkSettings("0.0.0.0", new TrustedProxies.None(), Optional.empty()));
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://" + lan.getHostAddress() + ":" + everywhere.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(403);
        } finally {
            everywhere.stop();
        }

        Javalin local = start(new NetworkSettings("127.0.0.1", new TrustedProxies.None(), Optional.empty()));
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(lan, local.port()), 2000))
                    .isInstanceOf(IOException.class);
        } finally {
            local.stop();
        }
    }

    private static Javalin start(NetworkSettings network) {
        return App.create(
                        AppConfig.defaults().withPort(0).withNetwork(network),
                        database.get().dataSource())
                .start();
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : nic.inetAddresses().toList()) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        Assumptions.abort("this machine has no non-loopback IPv4 address to connect from");
        throw new AssertionError("unreachable");
    }
}
