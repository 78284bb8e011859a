package org.commonground.forum.planning;

/**
 * A project as the matcher sees it.
 *
 * @param required   capability indices the project needs (distinct, at most 64)
 * @param weights    weight of each required capability, &gt; 0, same length as {@code required}
 * @param market     index of the host country among the forum's target markets (0..63)
 * @param size       size class 1 (small) .. 5 (very large), compared with the organizations' size
 * @param interested organization indices that marked interest in the project
 * @param excluded   organization indices that may not be proposed for it (they asked, or the host did)
 */
public record MatchingProject(
        int[] required, double[] weights, int market, int size, int[] interested, int[] excluded) {
    public MatchingProject {
        if (required.length != weights.length || required.length == 0 || required.length > 64) {
            throw new IllegalArgumentException("a project needs 1..64 required capabilities with one weight each");
        }
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("capability weights must be > 0");
            }
        }
        if (market < 0 || market > 63 || size < 1 || size > 5) {
            throw new IllegalArgumentException("market " + market + ", size " + size);
        }
    }

    public double totalWeight() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }
}
