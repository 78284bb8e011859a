package org.commonground.account;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The accounts (the account feature's {@code account} table) as other features and the tools see them: sign-up, look-up, sign-in. {@link AccountFeature#accounts()} gives the server's; {@link #over} builds one for tools and tests.
 */
public interface Accounts {
    static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;

    /** Hashing on the caller's thread (commands and tools). */
    static Accounts over(Jdbi jdbi) {
        return new AccountStore(jdbi);
    }

    /** Hashing through {@code hashing} (the server's bounded pool). */
    static Accounts over(Jdbi jdbi, PasswordHashing hashing) {
        return new AccountStore(jdbi, hashing);
    }

    /** Creates an account; 422 for a bad e-mail, role or password, 409 if the e-mail is taken. */
    Account create(String email, String password, Role role);

    /**
     * An account nobody can sign in as (the demo forum's other delegates): its password hash is of
     * a random secret that is never shown, at a cheap cost since nobody will ever try it.
     */
    Account createWithoutSignIn(String email, Role role);

    /** A strong random password (144 bits, URL-safe) for accounts created without one; shown once. */
    static String generatePassword() {
        return AccountStore.generatePassword();
    }

    Optional<Account> find(long id);

    /** The account signing in with {@code email} (compared without case), disabled or not. */
    Optional<Account> findByEmail(String email);

    List<Account> all();

    /**
     * The e-mails of these accounts (unknown ids left out), ordered by e-mail in the database's
     * collation: what a staff list sorted by e-mail shows.
     */
    java.util.SequencedMap<Long, String> emails(java.util.Collection<Long> ids);

    /** The enabled account with this e-mail and password, if both match. */
    Optional<Account> authenticate(String email, String password);
}
