package org.commonground.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server killed with SIGKILL (or a power loss) leaves in the embedded data directory, cleared
 * before the next start. The caller holds the data directory's lock, so the server that started the
 * PostgreSQL named in {@code postmaster.pid} is gone:
 * <ul>
 * <li>that PostgreSQL still runs (kill -9 of the JVM): it is stopped with a fast shutdown, which
 *     checkpoints, so the next start needs no recovery;</li>
 * <li>no such process, or the number now belongs to another program (after a reboot): the file is
 *     stale and removed, and PostgreSQL recovers from its WAL as after any crash.</li>
 * </ul>
 */
final class CrashLeftovers {
    static final String PID_FILE = "postmaster.pid";
    private static final Logger log = LoggerFactory.getLogger(CrashLeftovers.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private CrashLeftovers() {}

    static void clear(Path pgData) throws IOException {
        Path pidFile = pgData.resolve(PID_FILE);
        if (Files.notExists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                pid(pidFile).flatMap(ProcessHandle::of).filter(p -> p.isAlive() && servesDirectory(p, pgData));
        if (postmaster.isPresent()) {
            log.warn(
                    "PostgreSQL (PID {}) still runs on {} after its server ended without stopping it; stopping it",
                    postmaster.get().pid(),
                    pgData);
            long start = System.nanoTime();
            stop(postmaster.get());
            log.info(
                    "Stopped the orphaned PostgreSQL (PID {}) in {} ms",
                    postmaster.get().pid(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        if (postmaster.isEmpty()) {
            log.warn("Removing the stale {} of {} (no PostgreSQL runs on it)", PID_FILE, pgData);
        }
        Files.deleteIfExists(pidFile);
    }

    /** The first line of postmaster.pid, or empty when the file was cut short by a crash. */
    static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("[1-9][0-9]{0,9}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(lines.getFirst().strip()));
    }

    /**
     * A postgres executable working in this data directory: PostgreSQL changes into its data
     * directory at start, so /proc shows it as the process's working directory.
     */
    static boolean servesDirectory(ProcessHandle process, Path pgData) {
        boolean postgres = process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
            return cwd.equals(pgData.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException unreadable) {
            String directory = pgData.toString();
            return process.info()
                    .arguments()
                    .map(args -> List.of(args).contains(directory))
                    .orElse(false);
        }
    }

    private static void stop(ProcessHandle postmaster) throws IOException {
        // SIGINT is PostgreSQL's fast shutdown (roll back, checkpoint, exit); Java can only send TERM and KILL.
        signal(postmaster, "INT");
        if (exited(postmaster, FAST_SHUTDOWN)) {
            return;
        }
        log.warn(
                "PostgreSQL (PID {}) did not stop within {} s; stopping it immediately (it recovers from its WAL)",
                postmaster.pid(),
                FAST_SHUTDOWN.toSeconds());
        signal(postmaster, "QUIT");
        if (exited(postmaster, IMMEDIATE_SHUTDOWN)) {
            return;
        }
        postmaster.destroyForcibly();
        if (!exited(postmaster, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("PostgreSQL (PID " + postmaster.pid() + ") still runs and would not stop");
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) throws IOException {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
