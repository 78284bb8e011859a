package org.commonground.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.commonground.problem.Forbidden;

/**
 * Who may read {@code /metrics}: a client on this machine that no proxy forwarded (a reverse
 * proxy on the same machine connects from loopback on behalf of anyone, and says so in its
 * forwarding headers), or anyone presenting the metrics token as a bearer token.
 */
public final class MetricsGate {
    private final Optional<byte[]> token;

    public MetricsGate(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    }

    public void check(Context ctx) {
        if (token.isPresent()
                && ctx.header("Authorization") != null
                && MessageDigest.isEqual(
                        token.get(), ctx.header("Authorization").getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        InetAddress client = ForwardedFor.literal(ctx.ip());
        boolean forwarded = ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null;
        if (client != null && client.isLoopbackAddress() && !forwarded) {
            return;
        }
        throw new Forbidden("metrics-forbidden", "problem.metrics-forbidden");
    }
}
