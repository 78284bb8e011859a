package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.commonground.AppConfig;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A saturated password-hashing pool answers 503 at once, and says when to retry. */
class PasswordCheckBusyHttpTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults()
                    .withAbuseLimits(AbuseLimits.defaults().with("sign-ins=off,hashing-threads=1,hashing-queue=0")),
            Clock.systemUTC());

    @Test
    void aSignInRefusedForABusyPasswordCheckCarriesRetryAfter() {
        TestServer server = app.server();
        TestServer.Response refused = null;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 20 && refused == null; round++) {
                List<CompletableFuture<TestServer.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String email = "nobody-" + round + "-" + i + "@example.org";
                    calls.add(CompletableFuture.supplyAsync(
                            () -> server.postJson(
                                    "/api/v1/session",
                                    Map.of("email", email, "password", "not the right one, anyway"),
                                    "Accept-Language",
                                    "ko"),
                            clients));
                }
                for (var call : calls) {
                    TestServer.Response r = call.join();
                    if (r.status() == 503) {
                        refused = r;
                    }
                }
            }
        }

        assertThat(refused)
                .as("eight sign-ins at once on one hashing thread, no queue")
                .isNotNull();
        assertThat(refused.json().get("type").asText()).endsWith("/password-check-busy");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
    }
}
