package org.commonground.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a request passed through according to its {@code X-Forwarded-For} (or, without
 * it, the {@code for=} of RFC 7239 {@code Forwarded}), leftmost first. Anyone can write these
 * headers; only {@link TrustedProxies} decides which hops to believe.
 */
public final class ForwardedFor {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ForwardedFor() {}

    /**
     * The hops, leftmost (claimed client) first; an entry that is no IP literal (a name,
     * {@code unknown}, an obfuscated {@code _id}) is null, so it can never be mistaken for an address.
     */
    public static List<InetAddress> hops(List<String> xForwardedFor, List<String> forwarded) {
        List<InetAddress> hops = new ArrayList<>();
        if (!xForwardedFor.isEmpty()) {
            for (String header : xForwardedFor) {
                for (String entry : header.split(",")) {
                    hops.add(literal(entry));
                }
            }
            return hops;
        }
        for (String header : forwarded) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        hops.add(literal(p.substring(4)));
                    }
                }
            }
        }
        return hops;
    }

    /** An IPv4 or IPv6 literal, optionally quoted, bracketed or with a port; null for anything else (never a DNS lookup). */
    public static InetAddress literal(String text) {
        String s = text.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            s = close < 0 ? "" : s.substring(1, close);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') >= 0) {
            s = s.substring(0, s.indexOf(':')); // 203.0.113.5:4711
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s); // a literal: parsed, not resolved
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
