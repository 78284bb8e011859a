package org.commonground.integrity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why moderators left participants out of the analysis: the closed set the public report names. */
public enum ExclusionReason {
    /** Near-identical votes from participants who joined together (a cluster). */
    COORDINATED,
    /** The same vote on every statement. */
    ONE_VALUE,
    OTHER;

    /** The stored and API code: coordinated, one-value, other. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ExclusionReason> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
