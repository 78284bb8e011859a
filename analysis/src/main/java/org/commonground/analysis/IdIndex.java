package org.commonground.analysis;

import java.util.Arrays;

/**
 * Maps arbitrary long ids (Pol.is ids, database keys) to dense indices in order of first sight.
 * Open addressing over primitive arrays: the builder sees every vote, so boxing here would cost
 * more than the whole analysis.
 */
final class IdIndex {
    private static final int EMPTY = -1;
    private long[] keys = new long[16];
    private int[] slots = new int[16];
    private long[] ids = new long[16];
    private int size;

    IdIndex() {
        Arrays.fill(slots, EMPTY);
    }

    int add(long id) {
        int mask = slots.length - 1;
        int i = mix(id) & mask;
        while (slots[i] != EMPTY) {
            if (keys[i] == id) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        slots[i] = size;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    int indexOf(long id) {
        int mask = slots.length - 1;
        int i = mix(id) & mask;
        while (slots[i] != EMPTY) {
            if (keys[i] == id) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
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

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
