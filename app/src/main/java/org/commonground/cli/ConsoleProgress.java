package org.commonground.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import org.commonground.polis.ImportProgress;

/**
 * ImportProgress of a long command: a bar redrawn in place on a terminal, plain lines otherwise (a log
 * file or a CI run must not fill up with carriage returns). Written to the error stream so the
 * standard output stays for results a script reads.
 */
final class ConsoleProgress implements ImportProgress {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private String phase;
    private int lastStep = -1;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** ImportProgress on the given stream, as a bar when the process runs on a terminal. */
    static ConsoleProgress on(PrintWriter err) {
        return new ConsoleProgress(err, isTerminal());
    }

    /**
     * Whether we run on an interactive terminal. Java 22+ may hand out a Console even when the
     * streams are redirected, so ask it ({@code Console.isTerminal()}, not in Java 21's API) when it can tell.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void advance(String newPhase, long done, long total) {
        if (!newPhase.equals(phase)) {
            phase = newPhase;
            lastStep = -1;
        }
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        if (terminal) {
            int filled = (int) Math.round(fraction * WIDTH);
            out.printf(
                    Locale.ROOT,
                    "\r%-13s [%s%s] %,d / %,d",
                    phase,
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    done,
                    total);
            if (done >= total) {
                out.println();
            }
            out.flush();
            return;
        }
        // A line at the first report, then at most one per further tenth (the last one says 100%).
        int step = (int) (fraction * 10);
        if (step > lastStep) {
            out.printf(Locale.ROOT, "%s: %,d of %,d (%d%%)%n", phase, done, total, Math.round(fraction * 100));
            out.flush();
            lastStep = step;
        }
    }
}
