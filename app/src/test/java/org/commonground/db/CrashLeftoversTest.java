package org.commonground.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postmaster.pid left by a power loss names a process that is gone, or after a reboot one that
 * is something else entirely: neither stops the embedded server from starting, and neither is
 * touched.
 */
class CrashLeftoversTest {
    @TempDir
    Path dataDir;

    @Test
    void aPidFileOfAProcessThatIsGoneDoesNotStopTheStart() throws Exception {
        createAndStop();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(gone.pid());

        try (Database db = Database.embedded(dataDir)) {
            assertThat(Outages.answers(db.dataSource(), java.time.Duration.ofSeconds(2)))
                    .isTrue();
        }
    }

    @Test
    void aPidFileWhoseNumberNowBelongsToAnotherProgramDoesNotStopTheStartNorThatProgram() throws Exception {
        createAndStop();
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            writePidFile(other.pid());

            try (Database db = Database.embedded(dataDir)) {
                assertThat(Outages.answers(db.dataSource(), java.time.Duration.ofSeconds(2)))
                        .isTrue();
                assertThat(other.isAlive())
                        .as("a program that is not our PostgreSQL is left alone")
                        .isTrue();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aPidFileCutShortByTheCrashDoesNotStopTheStart() throws Exception {
        createAndStop();
        Files.writeString(dataDir.resolve("postgres/" + CrashLeftovers.PID_FILE), "");

        try (Database db = Database.embedded(dataDir)) {
            assertThat(Outages.answers(db.dataSource(), java.time.Duration.ofSeconds(2)))
                    .isTrue();
        }
    }

    private void createAndStop() {
        try (Database db = Database.embedded(dataDir)) {
            Database.jdbi(db.dataSource()).useHandle(h -> h.execute("SELECT 1"));
        }
        assertThat(dataDir.resolve("postgres/" + CrashLeftovers.PID_FILE)).doesNotExist();
    }

    /** postmaster.pid as PostgreSQL 17 writes it: PID, data directory, start time, port, socket dir, address, shmem key, status. */
    private void writePidFile(long pid) throws Exception {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.write(
                pgData.resolve(CrashLeftovers.PID_FILE),
                List.of(
                        Long.toString(pid),
                        pgData.toString(),
                        "1764576000",
                        "54321",
                        "",
                        "127.0.0.1",
                        "  1234567   7",
                        "ready   "));
    }
}
