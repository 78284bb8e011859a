package org.commonground.analysis;

/**
 * Counts, for two rounds, how each returning person voted on each carried statement in both: one of
 * four patterns by cohort, {@code (agreed before) << 1 | (agreed after)} (a pass or a disagree is "did
 * not agree", as in {@link Tally}). One pass over the two rows of each person, on the pool; the counts
 * are integers, so the sum over chunks is exact whatever the chunking.
 */
final class PairedTallies {
    static final int PATTERNS = 4;
    static final int NEITHER = 0;
    static final int AFTER_ONLY = 1;
    static final int BEFORE_ONLY = 2;
    static final int BOTH = 3;

    private PairedTallies() {}

    /**
     * @param carriedOfA carried index by statement index of round A, −1 for statements not compared
     * @param personA    participant index in round A by person, −1 where absent
     * @param value      the person's cohort value (global index) when the same in both rounds, else −1
     * @return counts indexed {@code (carried * values + value) * PATTERNS + pattern}
     */
    static int[] count(
            VoteMatrix a,
            int[] carriedOfA,
            int[] personA,
            VoteMatrix b,
            int[] carriedOfB,
            int[] personB,
            int[] value,
            int carried,
            int values,
            Parallel parallel) {
        int people = value.length;
        int size = Math.multiplyExact(Math.multiplyExact(carried, values), PATTERNS);
        int chunks = Math.min(Parallel.chunks(people), Math.max(1, parallel.threads()));
        int[][] partial = new int[chunks][size];
        int[] rowStartA = a.rowStart();
        int[] cellsA = a.cells();
        int[] rowStartB = b.rowStart();
        int[] cellsB = b.cells();
        parallel.forEach(people, chunks, (c, from, to) -> {
            int[] acc = partial[c];
            // 0: no vote before; 1: voted but did not agree; 2: agreed. Cleared after each person.
            byte[] before = new byte[carried];
            for (int j = from; j < to; j++) {
                int pa = personA[j];
                int pb = personB[j];
                int v = value[j];
                if (pa < 0 || pb < 0 || v < 0) {
                    continue;
                }
                for (int k = rowStartA[pa]; k < rowStartA[pa + 1]; k++) {
                    int i = carriedOfA[VoteMatrix.statementOf(cellsA[k])];
                    if (i >= 0) {
                        before[i] = (byte) (VoteMatrix.codeOf(cellsA[k]) == VoteMatrix.AGREE ? 2 : 1);
                    }
                }
                for (int k = rowStartB[pb]; k < rowStartB[pb + 1]; k++) {
                    int i = carriedOfB[VoteMatrix.statementOf(cellsB[k])];
                    if (i >= 0 && before[i] != 0) {
                        int after = VoteMatrix.codeOf(cellsB[k]) == VoteMatrix.AGREE ? 1 : 0;
                        acc[(i * values + v) * PATTERNS + ((before[i] - 1) << 1 | after)]++;
                    }
                }
                for (int k = rowStartA[pa]; k < rowStartA[pa + 1]; k++) {
                    int i = carriedOfA[VoteMatrix.statementOf(cellsA[k])];
                    if (i >= 0) {
                        before[i] = 0;
                    }
                }
            }
        });
        return Parallel.sumInOrder(partial);
    }
}
