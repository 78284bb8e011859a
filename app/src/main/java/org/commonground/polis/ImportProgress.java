package org.commonground.polis;

/**
 * Where a long operation reports how far it has come, phase by phase ("participants", "votes" …).
 * The command line shows it as a bar on a terminal and as plain lines otherwise.
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (phase, done, total) -> {};

    /** {@code done} of {@code total} units of {@code phase} are finished; called with done == total at its end. */
    void advance(String phase, long done, long total);
}
