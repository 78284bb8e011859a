package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commonground.Main;
import org.commonground.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate-polis}: one command from export folders to docs/validation.md. */
class ValidatePolisCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerDatasetAndTheAttribution() throws IOException {
        Path root = Files.createDirectories(dir.resolve("opendata"));
        for (String name : new String[] {"15-per-hour-seattle", "london.youth.policing"}) {
            copy(SharedData.polisDataset(name), root.resolve(name));
        }
        Files.copy(SharedData.dir().resolve("polis-opendata/README.openData.md"), root.resolve("README.openData.md"));
        Path out = dir.resolve("docs/validation.md");

        int exit = run("validate-polis", root.toString(), "--out", out.toString());

        assertThat(exit).isZero();
        String md = Files.readString(out);
        assertThat(md).contains("| 15-per-hour-seattle | 337 | 31 | 2,849 | 138 | 138 | +0.0% | 138 |");
        assertThat(md).contains("| london.youth.policing | 26 | 36 | 638 | 24 | 24 | +0.0% | 24 |");
        assertThat(md).contains("Maps within 1% of Pol.is's: 2 of 2.");
        assertThat(md)
                .contains("sub-licensed under CC BY 4.0 with Attribution to The Computational Democracy Project")
                .contains("https://compdemocracy.org/case-studies/2014-seattle-15-per-hour")
                .contains("https://compdemocracy.org/case-studies/2022-london-youth-policing")
                .doesNotContain("2015-vtaiwan-uberx");
    }

    @Test
    void refusesAFolderWithoutTheAttributionItMustCarry() throws IOException {
        Path root = Files.createDirectories(dir.resolve("no-readme"));
        copy(SharedData.polisDataset("london.youth.policing"), root.resolve("london.youth.policing"));

        assertThat(run(
                        "validate-polis",
                        root.toString(),
                        "--out",
                        dir.resolve("v.md").toString()))
                .isNotZero();
        assertThat(dir.resolve("v.md")).doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
