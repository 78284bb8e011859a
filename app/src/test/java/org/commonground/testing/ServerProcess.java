package org.commonground.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.Main;

/**
 * {@code commonground serve} in a child JVM, as an operator runs it: for tests that kill the
 * server the way a crash does (SIGKILL, no shutdown hook), which no in-process server allows.
 * Its log goes to a file beside the data directory, shown when it fails to start.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^/]+:(\\d+)/");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve --port 0 --data-dir dataDir args…} and waits until it listens; fails if it ends first. */
    public static ServerProcess serve(Path dataDir, long startTimeoutSeconds, String... args) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(log.toFile()).start();
            CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> awaitPort(process));
            try {
                return new ServerProcess(process, listening.get(startTimeoutSeconds, TimeUnit.SECONDS), log);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        "the server did not start within " + startTimeoutSeconds + " s; its log:\n"
                                + Files.readString(log),
                        e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int awaitPort(Process process) {
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    // Keep draining stdout so the child never blocks on a full pipe.
                    Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> {}));
                    return Integer.parseInt(m.group(1));
                }
            }
            throw new IllegalStateException("the server ended with exit code " + process.waitFor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, so the embedded PostgreSQL is left running as an orphan. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a service manager stops it: the shutdown hook stops the server and PostgreSQL. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
