package org.commonground.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One JSON request to a machine translation service, with the HTTP status mapped to what the queue
 * does next. Shared by every adapter so that 429 and Retry-After, 456 (DeepL's quota), 5xx and
 * timeouts mean the same everywhere.
 */
final class ServiceCall {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    ServiceCall(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** POSTs {@code body} as JSON; headers are name, value pairs. Answers the parsed JSON of a 2xx. */
    JsonNode post(URI uri, Object body, List<String> headers) throws ServiceRefused {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        return send(b, headers);
    }

    /** GETs {@code uri}; answers the parsed JSON of a 2xx. */
    JsonNode get(URI uri, List<String> headers) throws ServiceRefused {
        return send(
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Accept", "application/json")
                        .GET(),
                headers);
    }

    /** DELETEs {@code uri}; any 2xx is success. */
    void delete(URI uri, List<String> headers) throws ServiceRefused {
        send(HttpRequest.newBuilder(uri).timeout(timeout).DELETE(), headers);
    }

    private JsonNode send(HttpRequest.Builder b, List<String> headers) throws ServiceRefused {
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        HttpRequest request = b.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ServiceRefused(
                    ServiceRefused.Kind.UNAVAILABLE, null, "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, "unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, "interrupted");
        }
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .map(this::retryAfter)
                .orElse(null);
        String said = request.method() + " " + request.uri().getPath() + " → " + status + " " + abbreviated(text);
        if (status == 429) {
            throw new ServiceRefused(ServiceRefused.Kind.RATE_LIMITED, retryAfter, said);
        }
        if (status == 456) {
            throw new ServiceRefused(ServiceRefused.Kind.QUOTA_EXCEEDED, retryAfter, said);
        }
        if (status >= 500 || status == 408) {
            throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, retryAfter, said);
        }
        if (status < 200 || status > 299) {
            throw new ServiceRefused(ServiceRefused.Kind.REJECTED, null, said);
        }
        if (text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, "not JSON: " + said);
        }
    }

    /** Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
    Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String abbreviated(String text) {
        String t = text.strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    /** A JSON field that must be a string, else the service answered in a shape we do not know. */
    static String text(JsonNode node, String what) throws ServiceRefused {
        if (node == null || !node.isTextual()) {
            throw new ServiceRefused(ServiceRefused.Kind.UNAVAILABLE, null, "unexpected answer, no " + what);
        }
        return node.asText();
    }
}
