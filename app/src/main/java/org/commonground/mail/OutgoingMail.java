package org.commonground.mail;

import java.util.Objects;

/**
 * One mail to send, already written in the recipient's language by the feature that decided to
 * send it. A participant mail carries its one-click unsubscribe (RFC 8058); team mail may not.
 *
 * @param to          the recipient's address
 * @param subject     the subject line
 * @param body        the plain-text body
 * @param unsubscribe where the recipient unsubscribes in one click, or {@code null}
 */
public record OutgoingMail(String to, String subject, String body, Unsubscribe unsubscribe) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public static OutgoingMail of(String to, String subject, String body) {
        return new OutgoingMail(to, subject, body, null);
    }

    /**
     * {@code List-Unsubscribe: <url>, <mailto:…>} with {@code List-Unsubscribe-Post:
     * List-Unsubscribe=One-Click}: a POST to {@code url} unsubscribes without signing in.
     */
    public record Unsubscribe(String url, String mailto) {
        public String header() {
            return mailto == null || mailto.isEmpty() ? "<" + url + ">" : "<" + url + ">, <mailto:" + mailto + ">";
        }
    }
}
