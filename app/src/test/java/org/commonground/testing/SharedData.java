package org.commonground.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The read-only material next to the repository ({@code ../shared}): real Pol.is exports and more.
 * Surefire sets {@code commonground.sharedDir}; in a git worktree that path may not exist, so the
 * machine-wide {@code /work/shared} is the fallback.
 */
public final class SharedData {
    private SharedData() {}

    public static Path dir() {
        String configured = System.getProperty("commonground.sharedDir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).normalize();
        }
        Path fallback = Path.of("/work/shared");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("no shared folder at " + configured + " nor " + fallback);
    }

    /** The folder of one Pol.is open-data conversation, e.g. {@code vtaiwan.uberx}. */
    public static Path polisDataset(String name) {
        return dir().resolve("polis-opendata").resolve(name);
    }

    /** Every Pol.is open-data conversation folder, sorted by name. */
    public static List<Path> polisDatasets() {
        try (Stream<Path> entries = Files.list(dir().resolve("polis-opendata"))) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
