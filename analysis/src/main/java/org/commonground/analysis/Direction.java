package org.commonground.analysis;

/** Which way a group or the whole map leans on a statement. */
public enum Direction {
    AGREE,
    DISAGREE;

    /** The JSON spelling: "agree" or "disagree". */
    public String json() {
        return this == AGREE ? "agree" : "disagree";
    }
}
