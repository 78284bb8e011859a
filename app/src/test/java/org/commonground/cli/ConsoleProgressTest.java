package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void withoutATerminalPrintsALineAtTheStartAndEachTenthOfAPhase() {
        StringWriter out = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), false);

        for (int done = 0; done <= 1_000; done += 50) {
            progress.advance("votes", done, 1_000);
        }
        progress.advance("statements", 197, 197);

        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "votes: 0 of 1,000 (0%)",
                        "votes: 100 of 1,000 (10%)",
                        "votes: 200 of 1,000 (20%)",
                        "votes: 300 of 1,000 (30%)",
                        "votes: 400 of 1,000 (40%)",
                        "votes: 500 of 1,000 (50%)",
                        "votes: 600 of 1,000 (60%)",
                        "votes: 700 of 1,000 (70%)",
                        "votes: 800 of 1,000 (80%)",
                        "votes: 900 of 1,000 (90%)",
                        "votes: 1,000 of 1,000 (100%)",
                        "statements: 197 of 197 (100%)");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalRedrawsOneBarInPlaceAndEndsTheLineWhenDone() {
        StringWriter out = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true);

        progress.advance("votes", 25, 100);
        progress.advance("votes", 100, 100);

        assertThat(out.toString())
                .isEqualTo("\rvotes         [########......................] 25 / 100"
                        + "\rvotes         [##############################] 100 / 100" + System.lineSeparator());
    }

    @Test
    void aRedirectedProcessIsNoTerminal() {
        // surefire runs tests with redirected streams
        assertThat(ConsoleProgress.isTerminal()).isFalse();
    }
}
