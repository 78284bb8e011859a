package org.commonground.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reverse proxies in front of the server are ours, and so which {@code X-Forwarded-For}
 * hop is the client. Every proxy appends the address it was connected from; an attacker can
 * write anything to the left of what our proxies appended, never to the right. So the client is
 * found by walking from the right (the socket's peer) past our own proxies only.
 */
public sealed interface TrustedProxies {

    /** No proxy: forwarding headers are ignored and the socket's peer is the client (the default). */
    record None() implements TrustedProxies {}

    /**
     * {@code count} proxies stand in front of every request: the peer and the {@code count - 1}
     * rightmost hops are theirs, the hop left of them is the client.
     */
    record Hops(int count) implements TrustedProxies {
        public Hops {
            if (count < 1) {
                throw new IllegalArgumentException("a count of trusted proxies must be at least 1");
            }
        }
    }

    /** Proxies at these addresses: hops are ours while they fall in one of these networks. */
    record Networks(List<Network> networks) implements TrustedProxies {
        public Networks {
            networks = List.copyOf(networks);
        }

        boolean contains(InetAddress address) {
            return address != null && networks.stream().anyMatch(net -> net.contains(address));
        }
    }

    /**
     * {@code none} (or empty or 0), a count of hops ({@code 1}: one proxy such as nginx on the same
     * machine), or a comma-separated list of addresses and CIDR networks
     * ({@code 10.0.0.0/8,2001:db8::/32,192.0.2.7}).
     */
    static TrustedProxies parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none") || v.equals("0")) {
            return new None();
        }
        if (v.matches("\\d{1,3}")) {
            return new Hops(Integer.parseInt(v));
        }
        List<Network> networks = new ArrayList<>();
        for (String part : v.split(",")) {
            networks.add(Network.parse(part.strip()));
        }
        return new Networks(networks);
    }

    /** Whether a request from this peer comes through one of our proxies (then its forwarding headers count). */
    default boolean trustsPeer(InetAddress peer) {
        return switch (this) {
            case None n -> false;
            case Hops h -> true;
            case Networks n -> n.contains(peer);
        };
    }

    /** The client's address, given the socket's peer and the request's hops ({@link ForwardedFor#hops}). */
    default InetAddress client(InetAddress peer, List<InetAddress> hops) {
        return switch (this) {
            case None n -> peer;
            case Hops h -> {
                int at = hops.size() - h.count();
                if (at < 0) {
                    at = 0; // fewer hops than proxies: the request skipped one; take the furthest we have
                }
                for (int i = at; i < hops.size(); i++) {
                    if (hops.get(i) != null) {
                        yield hops.get(i); // an entry our proxy could not have written: the nearest real one
                    }
                }
                yield peer;
            }
            case Networks n -> {
                InetAddress current = peer;
                for (int i = hops.size() - 1; i >= 0 && n.contains(current) && hops.get(i) != null; i--) {
                    current = hops.get(i);
                }
                yield current;
            }
        };
    }

    /** An address block: {@code bits} leading bits of {@code address}. */
    record Network(InetAddress address, int bits) {
        static Network parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = ForwardedFor.literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR network: " + text);
            }
            int max = address.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                String suffix = text.substring(slash + 1);
                if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > max) {
                    throw new IllegalArgumentException(
                            "not a prefix length for " + address.getHostAddress() + ": /" + suffix);
                }
                bits = Integer.parseInt(suffix);
            }
            return new Network(address, bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] a = address.getAddress();
            byte[] c = candidate.getAddress();
            if (a.length != c.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != c[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[full] ^ c[full]) & (0xFF << (8 - rest))) == 0;
        }
    }
}
