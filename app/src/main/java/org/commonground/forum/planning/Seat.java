package org.commonground.forum.planning;

/**
 * The three national seats of a consortium, in the order proposals list their members. An
 * organization from any other country can post projects and attend, but takes no seat.
 */
public enum Seat {
    US,
    JP,
    KR;

    /** The seat of a country code ({@code US}, {@code JP}, {@code KR}), or -1 for any other country. */
    public static int of(String country) {
        return switch (country) {
            case "US" -> 0;
            case "JP" -> 1;
            case "KR" -> 2;
            default -> -1;
        };
    }
}
