package org.commonground.mail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where mail goes: an SMTP server given as {@code smtp://[user:pass@]host:port} and the sender
 * address. Off unless the operator names both ({@code serve --smtp-url … --mail-from …}); the
 * features that need mail then say so with a problem (409 {@code mail-off}) or hide the option.
 *
 * @param host     the SMTP server's host, empty when off
 * @param port     its port (25 when the URL names none)
 * @param user     the SMTP user, empty for none
 * @param password the SMTP password, empty for none
 * @param from     the sender address of every mail
 * @param addressKeyFile the file of the key that encrypts participants' addresses (outside the
 *                 database; created when missing), or {@code null}: participants then cannot leave one
 * @param publicUrl the server's address for links in mail sent outside a request, or {@code null}
 */
public record MailSettings(
        String host, int port, String user, String password, String from, Path addressKeyFile, String publicUrl) {
    public static MailSettings off() {
        return new MailSettings("", 0, "", "", "", null, null);
    }

    public MailSettings withAddressKeyFile(Path file) {
        return new MailSettings(host, port, user, password, from, file, publicUrl);
    }

    /**
     * The server's address as people reach it ({@code https://dialogue.example}), for links in mail
     * sent without a request to take it from (the team's hourly digest); {@code null} when not given.
     */
    public MailSettings withPublicUrl(String url) {
        String u = url == null || url.isBlank() ? null : url.strip().replaceAll("/+$", "");
        if (u != null && !u.matches("(?i)https?://[^/\\s]+")) {
            throw new IllegalArgumentException("--public-url must look like https://host[:port]");
        }
        return new MailSettings(host, port, user, password, from, addressKeyFile, u);
    }

    /** Parses the operator's settings; off when either is blank, 422-style {@link IllegalArgumentException} when malformed. */
    public static MailSettings of(String smtpUrl, String from) {
        if (smtpUrl == null || smtpUrl.isBlank()) {
            return off();
        }
        if (from == null || from.isBlank() || !from.contains("@")) {
            throw new IllegalArgumentException("--mail-from must name the sender address when --smtp-url is given");
        }
        URI uri;
        try {
            uri = URI.create(smtpUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--smtp-url is not a URL: " + e.getMessage(), e);
        }
        if (!"smtp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--smtp-url must look like smtp://[user:pass@]host:port");
        }
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        return new MailSettings(
                uri.getHost(), uri.getPort() < 0 ? 25 : uri.getPort(), user, password, from.strip(), null, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public boolean on() {
        return !host.isEmpty();
    }

    /** The server for logs: host and port, never the password. */
    public Optional<String> server() {
        return on() ? Optional.of(host + ":" + port) : Optional.empty();
    }

    @Override
    public String toString() {
        return on() ? "smtp://" + (user.isEmpty() ? "" : user + ":***@") + host + ":" + port + " from " + from : "off";
    }
}
