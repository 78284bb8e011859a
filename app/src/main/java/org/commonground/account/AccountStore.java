package org.commonground.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts and their passwords. Passwords follow {@link PasswordRules} and are hashed by
 * {@link PasswordHashing} (bcrypt at cost 12 over SHA-256, Spring Security's maintained bcrypt);
 * a wrong password and an unknown e-mail are indistinguishable to callers.
 */
final class AccountStore implements Accounts {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    // Compared against when the e-mail is unknown, so both paths cost one bcrypt check.
    private static final String DUMMY_HASH = PasswordHashing.onCallerThread().hash("no such account, same cost");

    private final Jdbi jdbi;
    private final PasswordHashing hashing;

    public AccountStore(Jdbi jdbi) {
        this(jdbi, PasswordHashing.onCallerThread());
    }

    public AccountStore(Jdbi jdbi, PasswordHashing hashing) {
        this.jdbi = jdbi;
        this.hashing = hashing;
    }

    private static final String COLUMNS = "id, email, role, disabled, created_at";

    public record Row(long id, String email, String role, boolean disabled, Instant createdAt) {
        Account toAccount() {
            return new Account(id, email, Role.parse(role).orElseThrow(), disabled, createdAt);
        }
    }

    public record RowWithHash(
            long id, String email, String role, boolean disabled, Instant createdAt, String passwordHash) {}

    @Override
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
        long id = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO account (email, password_hash, role) VALUES (:email, :hash, :role)
                        ON CONFLICT DO NOTHING""")
                        .bind("email", normalizedEmail)
                        .bind("hash", hash)
                        .bind("role", role.code())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .findOne())
                .orElseThrow(() -> new Conflict("email-taken", "account.email.taken", normalizedEmail));
        return find(id).orElseThrow();
    }

    @Override
    public Account createWithoutSignIn(String email, Role role) {
        String hash = new BCryptPasswordEncoder(4).encode(Secrets.random(18));
        long id = jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO account (email, password_hash, role) VALUES (:e, :h, :r)")
                        .bind("e", email)
                        .bind("h", hash)
                        .bind("r", role.code())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
        return find(id).orElseThrow();
    }

    static String generatePassword() {
        return Secrets.random(18);
    }

    @Override
    public Optional<Account> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                        .bind("id", id)
                        .map(ConstructorMapper.of(Row.class))
                        .findOne())
                .map(Row::toAccount);
    }

    @Override
    public java.util.SequencedMap<Long, String> emails(java.util.Collection<Long> ids) {
        java.util.LinkedHashMap<Long, String> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT id, email FROM account WHERE id = ANY(:ids) ORDER BY email")
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbi.withHandle(
                        h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(:email)")
                                .bind("email", email.strip())
                                .map(ConstructorMapper.of(Row.class))
                                .findOne())
                .map(Row::toAccount);
    }

    @Override
    public List<Account> all() {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account ORDER BY id")
                        .map(ConstructorMapper.of(Row.class))
                        .list())
                .stream()
                .map(Row::toAccount)
                .toList();
    }

    @Override
    public Optional<Account> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<RowWithHash> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + ", password_hash FROM account WHERE lower(email) = lower(:email)")
                .bind("email", email.strip())
                .map(ConstructorMapper.of(RowWithHash.class))
                .findOne());
        boolean matches =
                hashing.matches(password, row.map(RowWithHash::passwordHash).orElse(DUMMY_HASH));
        row.filter(r -> matches && !r.disabled() && PasswordHashing.needsRehash(r.passwordHash()))
                .ifPresent(r -> rehash(r.id(), r.passwordHash(), password));
        return row.filter(r -> matches && !r.disabled())
                .map(r -> new Account(r.id(), r.email(), Role.parse(r.role()).orElseThrow(), false, r.createdAt()));
    }

    /**
     * Replaces an old-format or lower-cost hash with a fresh one, now that the password is known
     * to be right; only if the stored hash is still the one checked (a password change meanwhile
     * wins). Best effort: a saturated hashing pool leaves the old hash for the next sign-in.
     */
    private void rehash(long accountId, String checked, String password) {
        String fresh;
        try {
            fresh = hashing.hash(password);
        } catch (org.commonground.problem.Unavailable busy) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE account SET password_hash = :fresh WHERE id = :id AND password_hash = :checked")
                .bind("fresh", fresh)
                .bind("id", accountId)
                .bind("checked", checked)
                .execute());
    }
}
