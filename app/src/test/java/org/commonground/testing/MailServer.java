package org.commonground.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.commonground.mail.MailSettings;

/**
 * A real SMTP server (GreenMail) on a loopback port for one test class: the app sends to it
 * through {@link #settings()}, and the test reads what arrived. Its port stays the same across
 * {@link #stop()} and {@link #start()}, so a test can make the server unreachable for a while.
 */
public final class MailServer implements AutoCloseable {
    public static final String FROM = "noreply@commonground.test";

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** A server on a free port, started. */
    public static MailServer started() {
        MailServer s = new MailServer(freePort());
        s.start();
        return s;
    }

    /** A server on a free port, not started yet: mail sent to it fails until {@link #start()}. */
    public static MailServer stopped() {
        return new MailServer(freePort());
    }

    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public MailSettings settings() {
        return MailSettings.of("smtp://127.0.0.1:" + port, FROM);
    }

    /** As {@link #settings()}, with a fresh key for participants' addresses in a temporary directory. */
    public MailSettings settingsWithAddressKey() {
        try {
            return settings()
                    .withAddressKeyFile(java.nio.file.Files.createTempDirectory("cg-mail-key-")
                            .resolve("mail.key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The first mail that arrived for {@code to}, waiting up to 10 s for it. */
    public MimeMessage awaitMailTo(String to) {
        Optional<MimeMessage> m = Eventually.eventually(
                Duration.ofSeconds(10), () -> to(to).stream().findFirst(), Optional::isPresent);
        return m.orElseThrow(() -> new AssertionError("no mail arrived for " + to + "; arrived: " + recipients()));
    }

    public List<MimeMessage> to(String to) {
        return received().stream()
                .filter(m -> recipientsOf(m).contains(to.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private List<String> recipients() {
        return received().stream().flatMap(m -> recipientsOf(m).stream()).toList();
    }

    private static List<String> recipientsOf(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients())
                    .map(a -> a.toString().toLowerCase(java.util.Locale.ROOT))
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded plain-text body. */
    public static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null ? null : String.join(", ", v);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
