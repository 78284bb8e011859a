package org.commonground.mail;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The mail plumbing's one public entry: the outbox features write their mail into, and the
 * background sender that delivers it over SMTP (docs/mail.md). It decides nothing about what to
 * send: the features that write mail own their rules and texts.
 */
public final class MailFeature implements AutoCloseable {
    private final MailSettings settings;
    private final OutboxStore outbox;
    private final MailDelivery delivery;
    private final java.util.Optional<AddressSeal> seal;

    private MailFeature(Jdbi jdbi, MailSettings settings, Clock clock) {
        this.settings = settings;
        MailDelivery[] sender = new MailDelivery[1];
        this.outbox = new OutboxStore(jdbi, clock, settings.on(), () -> {
            if (sender[0] != null) {
                sender[0].wake();
            }
        });
        this.delivery = settings.on() ? new MailDelivery(outbox, new SmtpTransport(settings), clock) : null;
        sender[0] = delivery;
        this.seal = settings.on() && settings.addressKeyFile() != null
                ? java.util.Optional.of(AddressSeal.fromFile(settings.addressKeyFile()))
                : java.util.Optional.empty();
    }

    public static MailFeature wire(Jdbi jdbi, MailSettings settings, Clock clock) {
        return new MailFeature(jdbi, settings, clock);
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * The key that encrypts participants' addresses, when mail is on and a key file is configured;
     * empty otherwise, and participants' mail is then off.
     */
    public java.util.Optional<AddressSeal> addressSeal() {
        return seal;
    }

    public MailSettings settings() {
        return settings;
    }

    /** Starts the background sender (with the server); nothing when mail is off. */
    public void start() {
        if (delivery != null) {
            delivery.start();
        }
    }

    /** Delivers what is due now on the caller's thread, as after a move of the clock (tests). */
    public void deliverNow() {
        if (delivery != null) {
            delivery.deliverHere();
        }
    }

    @Override
    public void close() {
        if (delivery != null) {
            delivery.close();
        }
    }
}
