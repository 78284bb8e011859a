package org.commonground.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.commonground.Main;
import picocli.CommandLine;

/** Runs the real {@code commonground} command line in-process and captures what it prints. */
public final class Cli {
    private Cli() {}

    /** The outcome of one command. */
    public record Run(int exitCode, String out, String err) {
        /** Standard output line by line. */
        public List<String> outLines() {
            return out.lines().toList();
        }

        public String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
