package org.commonground.participation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A participant's reaction to a statement, stored as 1 (agree), -1 (disagree) or 0 (pass). */
public enum Vote {
    AGREE(1),
    DISAGREE(-1),
    PASS(0);

    private final short stored;

    Vote(int stored) {
        this.stored = (short) stored;
    }

    public short stored() {
        return stored;
    }

    public static Vote ofStored(int value) {
        return switch (value) {
            case 1 -> AGREE;
            case -1 -> DISAGREE;
            case 0 -> PASS;
            default -> throw new IllegalArgumentException("not a stored vote: " + value);
        };
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown words read as null, so the command can answer 422 for the field instead of 400 for the body. */
    @JsonCreator
    public static Vote parse(String code) {
        for (Vote v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        return null;
    }
}
