package org.commonground.analysis;

import java.util.Arrays;

/**
 * Maps arbitrary long ids (Pol.is ids, database keys) to dense indices in order of first sight.
 * Open addressing over primitive arrays: the builder sees every vote, so boxing here would cost
 * more than the whole analysis. Each slot holds its key and its index side by side, so a lookup
 * touches one cache line.
 */
final class IdIndex {
    private static final long EMPTY = -1;
    /** Slot j: key at 2j, index at 2j + 1 (EMPTY: free). */
    private long[] table = emptyTable(16);

    private long[] ids = new long[16];
    private int size;

    int add(long id) {
        int j = slot(id);
        if (table[2 * j + 1] != EMPTY) {
            return (int) table[2 * j + 1];
        }
        table[2 * j] = id;
        table[2 * j + 1] = size;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        size++;
        if (size * 4 > table.length) {
            grow();
        }
        return size - 1;
    }

    int indexOf(long id) {
        return (int) table[2 * slot(id) + 1];
    }

    /** The slot holding the id, or the free slot where it would go. */
    private int slot(long id) {
        int mask = table.length / 2 - 1;
        int j = mix(id) & mask;
        while (table[2 * j + 1] != EMPTY && table[2 * j] != id) {
            j = (j + 1) & mask;
        }
        return j;
    }

    boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    int size() {
        return size;
    }

    long id(int index) {
        return ids[index];
    }

    private static long[] emptyTable(int slots) {
        long[] table = new long[2 * slots];
        Arrays.fill(table, EMPTY);
        return table;
    }

    /** Doubles the slots once half are taken. */
    private void grow() {
        long[] old = table;
        table = emptyTable(old.length);
        int mask = table.length / 2 - 1;
        for (int k = 0; k < old.length; k += 2) {
            if (old[k + 1] != EMPTY) {
                int j = mix(old[k]) & mask;
                while (table[2 * j + 1] != EMPTY) {
                    j = (j + 1) & mask;
                }
                table[2 * j] = old[k];
                table[2 * j + 1] = old[k + 1];
            }
        }
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
