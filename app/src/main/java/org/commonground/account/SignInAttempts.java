package org.commonground.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.commonground.problem.TooManyRequests;

/**
 * Signing in with a password, slowed for guessers: after {@value #MAX_FAILURES} failed attempts on
 * one e-mail from one address within {@link #WINDOW}, further attempts from there are refused (429,
 * Retry-After) until the oldest failure leaves the window. Keyed by e-mail and client address, so
 * a guesser cannot lock the real person out from elsewhere; bcrypt's cost slows guessing spread
 * over many addresses. Counts live in this server's memory (a restart forgets them) and are
 * dropped once stale.
 */
public final class SignInAttempts {
    public static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Above this many keys, a failure first drops every key whose failures are all stale. */
    private static final int PRUNE_ABOVE = 10_000;

    private final AccountStore accounts;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInAttempts(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The account whose e-mail and password these are, or empty; 429 when this e-mail has failed
     * too often from {@code clientAddress} lately (the password is then not even checked).
     */
    public Optional<Account> signIn(String email, String password, String clientAddress) {
        String key = (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) + " " + clientAddress;
        Instant now = clock.instant();
        refuseIfTooMany(key, now);
        Optional<Account> account = accounts.authenticate(email, password);
        if (account.isPresent()) {
            failures.remove(key);
        } else {
            recordFailure(key, now);
        }
        return account;
    }

    private void refuseIfTooMany(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            dropStale(times, now);
            if (times.size() >= MAX_FAILURES) {
                long wait =
                        Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1;
                throw new TooManyRequests("too-many-sign-ins", "account.sign-in.too-many", wait, (wait + 59) / 60);
            }
        }
    }

    private void recordFailure(String key, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    dropStale(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    private static void dropStale(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
