package org.commonground.mail;

import org.jdbi.v3.core.Handle;

/**
 * Mail waiting to be sent (the mail feature's {@code mail_outbox} table). A feature writes its mail
 * on the handle of the transaction that decides to send it, so the mail exists exactly when the
 * decision does; the background sender ({@link MailFeature#start}) delivers it with retries.
 */
public interface Outbox {
    /** Whether mail is configured; when not, {@link #enqueue} refuses with 409 {@code mail-off}. */
    boolean on();

    /** Queues the mail in the caller's transaction; 409 {@code mail-off} when mail is not configured. */
    void enqueue(Handle h, OutgoingMail mail);

    /** Mail not yet delivered, given up or not: for the operator's health and for tests. */
    int waiting();
}
