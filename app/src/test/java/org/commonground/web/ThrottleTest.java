package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.commonground.problem.TooManyRequests;
import org.commonground.testing.HandClock;
import org.junit.jupiter.api.Test;

/** One quota per key as a token bucket on a clock the test moves, with a bound on the keys it keeps. */
class ThrottleTest {
    private final HandClock clock = new HandClock();

    @Test
    void allowsTheBurstThenOneEventPerIntervalWithRetryAfterUntilTheNext() {
        var throttle = new Throttle(
                new AbuseLimits.Quota(3, Duration.ofMinutes(1)),
                1000,
                clock,
                "too-many-votes",
                "problem.too-many-votes");
        for (int i = 0; i < 3; i++) {
            throttle.take("p");
        }

        assertThatThrownBy(() -> throttle.take("p")).isInstanceOfSatisfying(TooManyRequests.class, e -> {
            assertThat(e.type()).isEqualTo("too-many-votes");
            assertThat(e.retryAfterSeconds()).isEqualTo(20);
            assertThat(e.args()).containsExactly(20L);
        });
        throttle.take("someone else");
        clock.advance(Duration.ofSeconds(19));
        assertThatThrownBy(() -> throttle.take("p")).isInstanceOf(TooManyRequests.class);
        clock.advance(Duration.ofSeconds(1));
        throttle.take("p");
        assertThatThrownBy(() -> throttle.take("p")).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void aRefusedEventCostsNothingAndAQuietKeyRefillsOnlyToTheBurst() {
        var throttle = new Throttle(new AbuseLimits.Quota(2, Duration.ofSeconds(10)), 1000, clock, "t", "k");
        throttle.take("a");
        throttle.take("a");
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> throttle.take("a")).isInstanceOf(TooManyRequests.class);
        }
        clock.advance(Duration.ofHours(5));

        throttle.take("a");
        throttle.take("a");
        assertThatThrownBy(() -> throttle.take("a")).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void manyKeysNeverGrowTheMemoryPastTheBound() {
        var throttle = new Throttle(new AbuseLimits.Quota(1, Duration.ofHours(1)), 1600, clock, "t", "k");
        for (int i = 0; i < 200_000; i++) {
            throttle.take("198.51." + (i >> 8) + "." + (i & 255));
        }

        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(1600).isGreaterThan(1000);
    }

    @Test
    void unlimitedQuotasCountNothing() {
        var throttle = new Throttle(AbuseLimits.Quota.UNLIMITED, 1000, clock, "t", "k");
        for (int i = 0; i < 10_000; i++) {
            throttle.take("same");
        }
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        assertThat(Throttles.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(Throttles.addressKey("[2001:db8:1:2:ffff:1:2:3]"))
                .isEqualTo("20010db800010002::/64");
        assertThat(Throttles.addressKey("2001:db8:1:3::1")).isNotEqualTo(Throttles.addressKey("2001:db8:1:2::1"));
        assertThat(Throttles.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void limitsAreReadFromTheServeOption() {
        AbuseLimits l = AbuseLimits.defaults().with("joins=100/2m, votes=off,hashing-threads=3");

        assertThat(l.joinsPerAddress()).isEqualTo(new AbuseLimits.Quota(100, Duration.ofMinutes(2)));
        assertThat(l.votesPerParticipant()).isEqualTo(AbuseLimits.Quota.UNLIMITED);
        assertThat(l.hashingThreads()).isEqualTo(3);
        assertThat(l.signInsPerAddress()).isEqualTo(AbuseLimits.defaults().signInsPerAddress());
        assertThatThrownBy(() -> AbuseLimits.defaults().with("jions=1/1m")).hasMessageContaining("jions");
        assertThatThrownBy(() -> AbuseLimits.defaults().with("joins=fast")).hasMessageContaining("fast");
    }
}
