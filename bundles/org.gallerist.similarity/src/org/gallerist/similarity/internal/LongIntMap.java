package org.gallerist.similarity.internal;

/**
 * Image id → slot, without boxing: open addressing with linear probing over two primitive arrays (about 24 bytes an
 * entry instead of about 70 for a {@code HashMap<Long, Integer>}). Not thread-safe.
 */
final class LongIntMap {

    private static final int ABSENT = -1;

    private long[] keys;
    /** Value + 1, so that 0 marks a free cell and any long can be a key. */
    private int[] valuesPlusOne;
    private int size;

    LongIntMap() {
        keys = new long[16];
        valuesPlusOne = new int[16];
    }

    int size() {
        return size;
    }

    /** @return the value, or -1 if absent */
    int get(long key) {
        int mask = keys.length - 1;
        for (int cell = cellOf(key, mask); valuesPlusOne[cell] != 0; cell = (cell + 1) & mask) {
            if (keys[cell] == key) {
                return valuesPlusOne[cell] - 1;
            }
        }
        return ABSENT;
    }

    /** @param value not negative */
    void put(long key, int value) {
        if ((size + 1) * 4L > keys.length * 3L) { // keep the load under 3/4
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int cell = cellOf(key, mask);
        while (valuesPlusOne[cell] != 0) {
            if (keys[cell] == key) {
                valuesPlusOne[cell] = value + 1;
                return;
            }
            cell = (cell + 1) & mask;
        }
        keys[cell] = key;
        valuesPlusOne[cell] = value + 1;
        size++;
    }

    /** @return the removed value, or -1 if absent */
    int remove(long key) {
        int mask = keys.length - 1;
        int cell = cellOf(key, mask);
        while (valuesPlusOne[cell] != 0) {
            if (keys[cell] == key) {
                int value = valuesPlusOne[cell] - 1;
                closeGap(cell, mask);
                size--;
                return value;
            }
            cell = (cell + 1) & mask;
        }
        return ABSENT;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the gap, so lookups need no tombstones. */
    private void closeGap(int gap, int mask) {
        int cell = gap;
        while (true) {
            cell = (cell + 1) & mask;
            if (valuesPlusOne[cell] == 0) {
                break;
            }
            int home = cellOf(keys[cell], mask);
            // The entry may move into the gap unless its home lies cyclically in (gap, cell].
            boolean homeAfterGap = gap <= cell ? gap < home && home <= cell : gap < home || home <= cell;
            if (!homeAfterGap) {
                keys[gap] = keys[cell];
                valuesPlusOne[gap] = valuesPlusOne[cell];
                gap = cell;
            }
        }
        valuesPlusOne[gap] = 0;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = valuesPlusOne;
        keys = new long[capacity];
        valuesPlusOne = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int cell = cellOf(oldKeys[i], mask);
                while (valuesPlusOne[cell] != 0) {
                    cell = (cell + 1) & mask;
                }
                keys[cell] = oldKeys[i];
                valuesPlusOne[cell] = oldValues[i];
            }
        }
    }

    /** Ids are often sequential: mix the bits (the MurmurHash3 finaliser) so they spread over the table. */
    private static int cellOf(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
