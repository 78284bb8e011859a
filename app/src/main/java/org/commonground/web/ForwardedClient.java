package org.commonground.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Jetty customizer that makes {@code ctx.ip()} the client's address as {@link TrustedProxies}
 * decide (Jetty's own customizer believes the leftmost X-Forwarded-For, which the client writes),
 * and, for requests from a trusted proxy only, takes the public scheme and host from its
 * {@code X-Forwarded-Proto/Host} or {@code Forwarded} headers (invite links).
 */
public final class ForwardedClient implements HttpConfiguration.Customizer {
    private final TrustedProxies proxies;
    private final ForwardedRequestCustomizer schemeAndHost = new ForwardedRequestCustomizer();

    public ForwardedClient(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || !proxies.trustsPeer(peer.getAddress())) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        InetAddress client = proxies.client(
                peer.getAddress(),
                ForwardedFor.hops(headers.getValuesList("X-Forwarded-For"), headers.getValuesList("Forwarded")));
        Request forwarded = schemeAndHost.customize(request, responseHeaders);
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(forwarded.getConnectionMetaData()) {
            private final SocketAddress remote = new InetSocketAddress(client, 0);

            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        return new Request.Wrapper(forwarded) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }
        };
    }
}
