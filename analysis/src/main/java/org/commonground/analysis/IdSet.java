package org.commonground.analysis;

import java.util.Arrays;
import java.util.stream.LongStream;

/** An immutable ascending set of ids without boxing: a group may hold a million participants. */
public final class IdSet {
    private final long[] ids;

    IdSet(long[] sortedIds) {
        this.ids = sortedIds;
    }

    public int size() {
        return ids.length;
    }

    public long get(int index) {
        return ids[index];
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Position of the id in ascending order, or −1. */
    public int indexOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i : -1;
    }

    public LongStream stream() {
        return Arrays.stream(ids);
    }

    public long[] toArray() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdSet other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return ids.length <= 20 ? Arrays.toString(ids) : "IdSet[" + ids.length + " ids]";
    }
}
