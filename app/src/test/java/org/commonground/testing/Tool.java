package org.commonground.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commonground.web.Json;

/**
 * Third-party command-line tools the tests run for real (Redocly's lint, an OpenAPI client
 * generator), installed under {@code target/} on first use. A missing installer (npm) skips the
 * test on a developer's machine and fails it in CI ({@code CI=true}), where .ci/run installs it.
 */
public final class Tool {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private Tool() {}

    /** What a finished command printed, and its exit code. */
    public record Run(int exitCode, String stdout, String stderr) {}

    /** A clean directory under {@code target/} for one test's files. */
    public static Path workDir(String name) {
        Path dir = TARGET.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The executable {@code bin} of the npm package {@code spec} (pinned, e.g. {@code @redocly/cli@2.77.0}),
     * installed once into {@code target/<dir>}.
     */
    public static Path npm(String dir, String spec, String bin) {
        Path executable = TARGET.resolve(dir).resolve("node_modules/.bin").resolve(bin);
        return install(dir, spec, executable, Files::isExecutable);
    }

    /**
     * The folder of the npm library {@code module} (a package without a command, e.g. {@code jsqr}) of
     * {@code spec} (pinned), installed once into {@code target/<dir>}; a test requires it from a
     * {@code node} script run in {@code target/<dir>}.
     */
    public static Path npmLibrary(String dir, String spec, String module) {
        Path folder = TARGET.resolve(dir).resolve("node_modules").resolve(module);
        return install(dir, spec, folder, Files::isDirectory);
    }

    private static Path install(
            String dir, String spec, Path installed, java.util.function.Predicate<Path> isInstalled) {
        Path prefix = TARGET.resolve(dir);
        Path stamp = prefix.resolve("installed-" + spec.replaceAll("[^A-Za-z0-9.]+", "_"));
        if (isInstalled.test(installed) && Files.exists(stamp)) {
            return installed;
        }
        requireOnPath("npm");
        Run install = run(
                TARGET,
                List.of(
                        "npm",
                        "install",
                        "--prefix",
                        prefix.toString(),
                        "--no-audit",
                        "--no-fund",
                        "--no-save",
                        "--loglevel=error",
                        spec));
        if (install.exitCode() != 0 || !isInstalled.test(installed)) {
            throw new IllegalStateException("npm install " + spec + " failed:\n" + install.stderr() + install.stdout());
        }
        try {
            Files.writeString(stamp, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return installed;
    }

    /** Skips when {@code command} is missing, except in CI where that is a broken machine. */
    public static void requireOnPath(String command) {
        boolean found = System.getenv("PATH") != null
                && java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(command + " is not on PATH; CI must install it (.ci/run does)");
        }
        assumeTrue(
                found, command + " is not on PATH: install it (apt-get install -y " + command + ") to run this test");
    }

    /** Runs a command to its end (at most five minutes), capturing its output. */
    public static Run run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("tool-out", ".txt");
            Path err = Files.createTempFile("tool-err", ".txt");
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            Run run = new Run(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
