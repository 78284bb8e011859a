package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.testing.ServerTest;
import org.junit.jupiter.api.Test;

class MetricsTest extends ServerTest {

    @Test
    void countsRequestsByRouteTemplateAndExposesJvmAndPoolMetrics() {
        server.get("/api/v1/health");
        server.get("/api/v1/conversations/12345");

        String metrics = server.get("/metrics").body();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/health\",status=\"200\"}");
        assertThat(metrics)
                .as("ids do not become series")
                .contains("route=\"/api/v1/conversations/{conversationId}\",status=\"404\"")
                .doesNotContain("12345");
        assertThat(metrics).contains("http_server_requests_seconds_bucket");
        assertThat(metrics)
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "db_pool_connections{state=\"active\"}");
    }
}
