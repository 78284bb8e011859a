package org.commonground.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
import org.commonground.problem.TooManyRequests;

/**
 * The request quotas of {@link AbuseLimits}, which feature routes call before doing the work a
 * flood would repeat: each method counts one event or throws {@link TooManyRequests} (429 with
 * Retry-After and a message in the reader's language, through {@link Problems}). Client addresses
 * are held in memory for the rate windows only and never stored or logged.
 */
public final class Throttles {
    private final Throttle joinsPerAddress;
    private final Throttle joinsPerInvite;
    private final Throttle votes;
    private final Throttle statements;
    private final Throttle signIns;
    private final Throttle accounts;

    public Throttles(AbuseLimits limits, Clock clock) {
        int keys = limits.trackedKeys();
        joinsPerAddress =
                new Throttle(limits.joinsPerAddress(), keys, clock, "too-many-joins", "problem.too-many-joins");
        joinsPerInvite =
                new Throttle(limits.joinsPerInvite(), keys, clock, "too-many-joins", "problem.too-many-invite-joins");
        votes = new Throttle(limits.votesPerParticipant(), keys, clock, "too-many-votes", "problem.too-many-votes");
        statements = new Throttle(
                limits.statementsPerParticipant(), keys, clock, "too-many-statements", "problem.too-many-statements");
        signIns =
                new Throttle(limits.signInsPerAddress(), keys, clock, "too-many-sign-ins", "problem.too-many-sign-ins");
        accounts = new Throttle(
                limits.accountsPerAddress(), keys, clock, "too-many-accounts", "problem.too-many-accounts");
    }

    /**
     * A new participant: counted against the invite link it came through (its own quota, so a hall
     * behind one address can use it), else against the client's address.
     */
    public void join(Context ctx, String inviteCode) {
        if (inviteCode != null && !inviteCode.isBlank()) {
            joinsPerInvite.take(inviteCode.strip());
        } else {
            joinsPerAddress.take(addressKey(clientAddress(ctx)));
        }
    }

    /** A vote by the participant holding {@code participantToken} (the token stays in memory only). */
    public void vote(String participantToken) {
        votes.take(participantToken);
    }

    /** A statement written by participant {@code participantId}. */
    public void statement(long participantId) {
        statements.take(Long.toString(participantId));
    }

    /** A sign-in attempt from the client's address, whichever e-mail it tries. */
    public void signIn(Context ctx) {
        signIns.take(addressKey(clientAddress(ctx)));
    }

    /** An account created from the client's address. */
    public void accountCreation(Context ctx) {
        accounts.take(addressKey(clientAddress(ctx)));
    }

    /**
     * The client's address, the one place the quotas ask for it: {@code ctx.ip()}, which behind
     * trusted proxies is already the forwarded client ({@link ForwardedClient}, {@link TrustedProxies}).
     */
    public static String clientAddress(Context ctx) {
        return ctx.ip();
    }

    /**
     * The key of an address in a quota: IPv4 as it is, IPv6 by its /64 prefix, since one
     * household or server is given a whole /64 and could otherwise rotate through it.
     */
    static String addressKey(String address) {
        String a =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.indexOf(':') < 0) {
            return a;
        }
        try {
            if (InetAddress.getByName(a) instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
            }
        } catch (UnknownHostException | SecurityException notALiteral) {
            // fall through: the address as given
        }
        return a;
    }

    /** For a page that answers a refusal itself (re-rendering its form): the status and Retry-After. */
    public static void refused(Context ctx, TooManyRequests e) {
        ctx.status(e.status()).header("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }

    Throttle joinsPerAddress() {
        return joinsPerAddress;
    }
}
