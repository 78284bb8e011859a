package org.commonground.forum.planning;

/**
 * An organization as the matcher sees it.
 *
 * @param seat          {@link Seat} ordinal (0 US, 1 JP, 2 KR), or -1 for an organization of another country
 * @param capabilities  bit set over the forum's capability taxonomy (bit i of word i/64)
 * @param markets       bit set over the forum's target markets (at most 64)
 * @param size          size class 1 (small) .. 5 (very large)
 * @param openConsortia consortia the organization is already in and that are still open, ≥ 0
 */
public record MatchingOrganization(int seat, long[] capabilities, long markets, int size, int openConsortia) {
    public MatchingOrganization {
        if (seat < -1 || seat > 2 || size < 1 || size > 5 || openConsortia < 0) {
            throw new IllegalArgumentException("seat " + seat + ", size " + size + ", open " + openConsortia);
        }
    }

    public boolean has(int capability) {
        int word = capability >>> 6;
        return word < capabilities.length && (capabilities[word] & (1L << capability)) != 0;
    }

    /** A capability bit set holding the given capability indices. */
    public static long[] capabilities(int... indices) {
        int max = -1;
        for (int i : indices) {
            max = Math.max(max, i);
        }
        long[] words = new long[(max >>> 6) + 1];
        for (int i : indices) {
            words[i >>> 6] |= 1L << i;
        }
        return words;
    }
}
