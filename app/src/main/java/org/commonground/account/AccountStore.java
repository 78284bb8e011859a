package org.commonground.account;

import org.commonground.web.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Accounts and their passwords. Passwords follow {@link PasswordRules} and are hashed by
 * {@link PasswordHashing} (bcrypt at cost 12 over SHA-256, Spring Security's maintained bcrypt);
 * a wrong password and an unknown e-mail are indistinguishable to callers.
 */
public final class AccountStore {
    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    // Compared against when the e-mail is unknown, so both paths cost one bcrypt check.
    private static final String DUMMY_HASH = PasswordHashing.onCallerThread().hash("no such account, same cost");

    private final Jdbi jdbi;
    private final PasswordHashing hashing;

    /** Hashing on the caller's thread (commands and tools). */
    public AccountStore(Jdbi jdbi) {
        this(jdbi, PasswordHashing.onCallerThread());
    }

    /** Hashing through {@code hashing} (the server's bounded pool). */
    public AccountStore(Jdbi jdbi, PasswordHashing hashing) {
        this.jdbi = jdbi;
        this.hashing = hashing;
    }

    interface Sql {
        @SqlUpdate("""
            INSERT INTO account (email, password_hash, role) VALUES (:email, :hash, :role)
            ON CONFLICT DO NOTHING""")
        @GetGeneratedKeys("id")
        Optional<Long> insert(@Bind("email") String email, @Bind("hash") String hash, @Bind("role") String role);

        @SqlQuery("SELECT id, email, role, disabled, created_at FROM account WHERE id = :id")
        @RegisterConstructorMapper(Row.class)
        Optional<Row> find(@Bind("id") long id);

        @SqlQuery("SELECT id, email, role, disabled, created_at, password_hash FROM account WHERE lower(email) = lower(:email)")
        @RegisterConstructorMapper(RowWithHash.class)
        Optional<RowWithHash> findWithHash(@Bind("email") String email);

        @SqlQuery("SELECT id, email, role, disabled, created_at FROM account WHERE lower(email) = lower(:email)")
        @RegisterConstructorMapper(Row.class)
        Optional<Row> findByEmail(@Bind("email") String email);

        @SqlQuery("SELECT id, email, role, disabled, created_at FROM account ORDER BY id")
        @RegisterConstructorMapper(Row.class)
        List<Row> all();

        @SqlUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
        int setPassword(@Bind("id") long id, @Bind("hash") String hash);
    }

    public record Row(long id, String email, String role, boolean disabled, Instant createdAt) {
        Account toAccount() {
            return new Account(id, email, Role.parse(role).orElseThrow(), disabled, createdAt);
        }
    }

    public record RowWithHash(long id, String email, String role, boolean disabled, Instant createdAt, String passwordHash) {}

    /** Creates an account; 422 for a bad e-mail, role or password, 409 if the e-mail is taken. */
    public Account create(String email, String password, Role role) {
        List<FieldError> errors = new ArrayList<>();
        String normalizedEmail = email == null ? "" : email.strip();
        if (!EMAIL.matcher(normalizedEmail).matches() || normalizedEmail.length() > 254) {
            errors.add(new FieldError("email", "account.email.invalid"));
        }
        PasswordRules.check(password).ifPresent(errors::add);
        if (role == null) {
            errors.add(new FieldError("role", "account.role.invalid"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        String hash = hashing.hash(password);
        long id = jdbi.withExtension(Sql.class, sql -> sql.insert(normalizedEmail, hash, role.code()))
                .orElseThrow(() -> new Conflict("email-taken", "account.email.taken", normalizedEmail));
        return find(id).orElseThrow();
    }

    /** A strong random password (144 bits, URL-safe) for accounts created without one; shown once. */
    public static String generatePassword() {
        return Secrets.random(18);
    }

    public Optional<Account> find(long id) {
        return jdbi.withExtension(Sql.class, sql -> sql.find(id)).map(Row::toAccount);
    }

    /** The account signing in with {@code email} (compared without case), disabled or not. */
    public Optional<Account> findByEmail(String email) {
        return jdbi.withExtension(Sql.class, sql -> sql.findByEmail(email.strip())).map(Row::toAccount);
    }

    public List<Account> all() {
        return jdbi.withExtension(Sql.class, Sql::all).stream().map(Row::toAccount).toList();
    }

    /** The enabled account with this e-mail and password, if both match. */
    public Optional<Account> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<RowWithHash> row = jdbi.withExtension(Sql.class, sql -> sql.findWithHash(email.strip()));
        boolean matches = hashing.matches(password, row.map(RowWithHash::passwordHash).orElse(DUMMY_HASH));
        return row.filter(r -> matches && !r.disabled())
                .map(r -> new Account(r.id(), r.email(), Role.parse(r.role()).orElseThrow(), false, r.createdAt()));
    }
}
