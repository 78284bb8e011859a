package org.commonground.web;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one client may do before it is slowed (429), and how much CPU password hashing may
 * take. Each quota is a token bucket: {@code events} at once, refilled at {@code events} per
 * {@code per}; so a classroom of 40 behind one school address can join in the same minute, while
 * one client creating participants in a loop gets {@code joinsPerAddress.events()} and then one
 * every {@code per / events}.
 *
 * @param joinsPerAddress          new participants from one client address (without an invite)
 * @param joinsPerInvite           new participants through one invite link, from anywhere: a
 *                                 conference behind one venue address uses its invite link
 * @param votesPerParticipant      votes (and changed votes) of one participant
 * @param statementsPerParticipant statements written by one participant
 * @param signInsPerAddress        sign-in attempts from one client address, whatever the e-mail
 * @param accountsPerAddress       accounts created from one client address
 * @param trackedKeys              most keys (addresses, participants, invites) one quota remembers;
 *                                 past it the least recently seen is forgotten, so memory stays
 *                                 bounded (about 150 bytes a key) whatever an attacker sends
 * @param hashingThreads           threads that hash and check passwords (bcrypt); the rest of the
 *                                 cores stay free for votes and pages during a sign-in flood; 0
 *                                 hashes on the request's own thread (as before issue 8: only for
 *                                 measuring the difference)
 * @param hashingQueue             password checks that may wait for a thread, ≥ 0; beyond it a
 *                                 sign-in is refused at once (503)
 */
public record AbuseLimits(
        Quota joinsPerAddress,
        Quota joinsPerInvite,
        Quota votesPerParticipant,
        Quota statementsPerParticipant,
        Quota signInsPerAddress,
        Quota accountsPerAddress,
        int trackedKeys,
        int hashingThreads,
        int hashingQueue) {

    /**
     * At most {@code events} at once, and {@code events} more every {@code per} (refilled evenly).
     * {@link #UNLIMITED} switches a quota off.
     */
    public record Quota(int events, Duration per) {
        public static final Quota UNLIMITED = new Quota(Integer.MAX_VALUE, Duration.ofSeconds(1));
        private static final Pattern TEXT = Pattern.compile("(\\d+)/(\\d*)(s|m|h)");

        public Quota {
            if (events < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException(
                        "a quota needs at least 1 event per a positive time: " + events + "/" + per);
            }
        }

        /** Events regained per millisecond. */
        double perMilli() {
            return events / (double) per.toMillis();
        }

        public boolean unlimited() {
            return events == Integer.MAX_VALUE;
        }

        /** {@code 60/1m}, {@code 20/10m}, {@code 5/30s}, {@code 100/h}, or {@code off}. */
        public static Quota parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("off")) {
                return UNLIMITED;
            }
            Matcher m = TEXT.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a quota (like 60/1m, 20/10m, 5/30s or off): " + text);
            }
            long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
            Duration unit = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
            return new Quota(Integer.parseInt(m.group(1)), unit.multipliedBy(amount));
        }
    }

    public AbuseLimits {
        if (trackedKeys < 16 || hashingThreads < 0 || hashingQueue < 0) {
            throw new IllegalArgumentException("trackedKeys ≥ 16, hashingThreads ≥ 0, hashingQueue ≥ 0");
        }
    }

    /**
     * The limits of a public server. Measured against the floods of issue 8 (docs/benchmarks.md):
     * a person reads before voting (a vote a second, after a burst of 60), writes a statement a
     * minute at most (after 10), and a school or office signs in a few staff at a time.
     */
    public static AbuseLimits defaults() {
        return new AbuseLimits(
                new Quota(60, Duration.ofMinutes(1)),
                new Quota(300, Duration.ofMinutes(1)),
                new Quota(60, Duration.ofMinutes(1)),
                new Quota(10, Duration.ofMinutes(10)),
                new Quota(20, Duration.ofMinutes(10)),
                new Quota(30, Duration.ofHours(1)),
                100_000,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                16);
    }

    /** No request quotas (benchmarks of throughput, load tests); password hashing stays pooled. */
    public static AbuseLimits unlimited() {
        AbuseLimits d = defaults();
        return new AbuseLimits(
                Quota.UNLIMITED,
                Quota.UNLIMITED,
                Quota.UNLIMITED,
                Quota.UNLIMITED,
                Quota.UNLIMITED,
                Quota.UNLIMITED,
                d.trackedKeys,
                d.hashingThreads,
                d.hashingQueue);
    }

    /**
     * These limits with some quotas replaced, from {@code joins=60/1m,votes=off,…}; names:
     * joins, invite-joins, votes, statements, sign-ins, accounts; and hashing-threads,
     * hashing-queue, tracked-keys as plain numbers.
     */
    public AbuseLimits with(String settings) {
        NamedSettings given = NamedSettings.parse("limits", settings);
        AbuseLimits l = new AbuseLimits(
                quota(given.take("joins"), joinsPerAddress),
                quota(given.take("invite-joins"), joinsPerInvite),
                quota(given.take("votes"), votesPerParticipant),
                quota(given.take("statements"), statementsPerParticipant),
                quota(given.take("sign-ins"), signInsPerAddress),
                quota(given.take("accounts"), accountsPerAddress),
                number(given.take("tracked-keys"), trackedKeys),
                number(given.take("hashing-threads"), hashingThreads),
                number(given.take("hashing-queue"), hashingQueue));
        given.requireAllTaken(
                "joins, invite-joins, votes, statements, sign-ins, accounts, tracked-keys, hashing-threads, hashing-queue");
        return l;
    }

    private static Quota quota(String text, Quota otherwise) {
        return text == null ? otherwise : Quota.parse(text);
    }

    private static int number(String text, int otherwise) {
        return text == null ? otherwise : Integer.parseInt(text);
    }
}
