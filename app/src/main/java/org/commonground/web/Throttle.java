package org.commonground.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.commonground.problem.TooManyRequests;

/**
 * One quota applied per key (an address, a participant, an invite): a token bucket per key, kept
 * in memory only. Keys live in a few access-ordered maps of bounded size; past the bound the least
 * recently seen key is forgotten. Forgetting only ever lets a key start afresh, so an attacker who
 * sends many keys weakens no one's protection but their own, and memory stays bounded.
 */
final class Throttle {
    private static final int STRIPES = 16;

    private final AbuseLimits.Quota quota;
    private final Clock clock;
    private final String problemType;
    private final String messageKey;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /** Tokens left and when they were counted, in clock milliseconds. */
    private static final class Bucket {
        double tokens;
        long at;
    }

    private static final class Stripe extends LinkedHashMap<String, Bucket> {
        private final int max;

        Stripe(int max) {
            super(64, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > max;
        }
    }

    /**
     * @param problemType the problem slug of a refusal, like {@code too-many-votes}
     * @param messageKey  its message, given the seconds to wait as {0}
     */
    Throttle(AbuseLimits.Quota quota, int trackedKeys, Clock clock, String problemType, String messageKey) {
        this.quota = quota;
        this.clock = clock;
        this.problemType = problemType;
        this.messageKey = messageKey;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(Math.max(1, trackedKeys / STRIPES));
        }
    }

    /** Counts one event of {@code key}, or refuses it (429 with the seconds until one is allowed again). */
    void take(String key) {
        if (quota.unlimited()) {
            return;
        }
        Stripe stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        long now = clock.millis();
        double rate = quota.perMilli();
        synchronized (stripe) {
            Bucket b = stripe.get(key);
            if (b == null) {
                b = new Bucket();
                b.tokens = quota.events();
                b.at = now;
                stripe.put(key, b);
            } else {
                b.tokens = Math.min(quota.events(), b.tokens + Math.max(0, now - b.at) * rate);
                b.at = Math.max(b.at, now);
            }
            if (b.tokens < 1) {
                // Whole milliseconds first (less a rounding hair), so 1 per 30 minutes waits 1800 s, not 1801.
                long waitMillis = (long) Math.ceil((1 - b.tokens) / rate - 1e-6);
                long waitSeconds = (waitMillis + 999) / 1000;
                throw new TooManyRequests(problemType, messageKey, waitSeconds, Math.max(1, waitSeconds));
            }
            b.tokens -= 1;
        }
    }

    /** Keys remembered now (for tests of the memory bound). */
    int trackedKeys() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }
}
