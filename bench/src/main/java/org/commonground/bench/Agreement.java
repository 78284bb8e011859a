package org.commonground.bench;

/** Adjusted Rand index between two labelings of the same items (Hubert & Arabie): 1 identical, ~0 random. */
final class Agreement {
    private Agreement() {}

    static double adjustedRandIndex(int[] a, int[] b) {
        int ka = 0;
        int kb = 0;
        for (int i = 0; i < a.length; i++) {
            ka = Math.max(ka, a[i] + 1);
            kb = Math.max(kb, b[i] + 1);
        }
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long n : row) {
                index += pairs(n);
            }
        }
        double rowPairs = 0;
        for (long n : rows) {
            rowPairs += pairs(n);
        }
        double colPairs = 0;
        for (long n : cols) {
            colPairs += pairs(n);
        }
        double expected = rowPairs * colPairs / pairs(a.length);
        double max = 0.5 * (rowPairs + colPairs);
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
