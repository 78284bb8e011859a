package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.commonground.problem.Unavailable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt over SHA-256: every character counts, older hashes still verify, and a full pool refuses at once. */
class PasswordHashingTest {
    private final PasswordHashing hashing = PasswordHashing.onCallerThread();

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesCountInFull() {
        String base = "가".repeat(30); // 90 bytes
        String stored = hashing.hash(base + "A");

        assertThat(stored).startsWith("{sha256}$2a$12$");
        assertThat(hashing.matches(base + "A", stored)).isTrue();
        assertThat(hashing.matches(base + "B", stored)).isFalse();
    }

    @Test
    void hashesFromBeforeThePreHashStillVerify() {
        String legacy = new BCryptPasswordEncoder(4).encode("an older password");

        assertThat(hashing.matches("an older password", legacy)).isTrue();
        assertThat(hashing.matches("another password", legacy)).isFalse();
        assertThat(hashing.matches("x".repeat(300), legacy))
                .as("too long for any old hash, and no 500")
                .isFalse();
    }

    @Test
    void aFullPoolRefusesAtOnceWith503() {
        try (PasswordHashing pool = PasswordHashing.pooled(1, 0)) {
            CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> pool.hash("one long enough password"));
            while (pool.inFlight() == 0 && !busy.isDone()) {
                Thread.onSpinWait();
            }

            assertThatThrownBy(() -> pool.hash("a second password, no room left"))
                    .isInstanceOfSatisfying(Unavailable.class, e -> {
                        assertThat(e.type()).isEqualTo("password-check-busy");
                        assertThat(e.retryAfterSeconds())
                                .as("answered as Retry-After")
                                .isPositive();
                    });
            assertThat(busy.join()).as("the check already running completes").startsWith("{sha256}$2a$12$");
        }
    }

    @Test
    void onlyOldFormatOrLowerCostHashesNeedARehash() {
        assertThat(PasswordHashing.needsRehash(hashing.hash("a current password")))
                .isFalse();
        assertThat(PasswordHashing.needsRehash(new BCryptPasswordEncoder(12).encode("plain bcrypt")))
                .isTrue();
        assertThat(PasswordHashing.needsRehash("{sha256}" + new BCryptPasswordEncoder(4).encode("weak cost")))
                .isTrue();
        assertThat(PasswordHashing.needsRehash("{sha256}not-bcrypt")).isFalse();
    }
}
