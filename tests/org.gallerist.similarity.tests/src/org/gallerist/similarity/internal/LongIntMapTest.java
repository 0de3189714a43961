package org.gallerist.similarity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        LongIntMap map = new LongIntMap();
        Map<Long, Integer> reference = new HashMap<>();
        Random random = new Random(4);
        // Few distinct keys, so removals hit long probe runs; extremes included because any long is a valid id.
        List<Long> keys = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        for (int i = 0; i < 3000; i++) {
            keys.add(random.nextBoolean() ? random.nextLong() : random.nextInt(5000));
        }
        for (int step = 0; step < 200_000; step++) {
            long key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                Integer removed = reference.remove(key);
                assertEquals(removed == null ? -1 : removed, map.remove(key));
            } else {
                int value = random.nextInt(Integer.MAX_VALUE - 1);
                reference.put(key, value);
                map.put(key, value);
            }
            if (step % 10_000 == 0) {
                for (long k : keys) {
                    assertEquals(reference.getOrDefault(k, -1), map.get(k), "key " + k);
                }
            }
        }
        assertEquals(reference.size(), map.size());
        for (long k : keys) {
            assertEquals(reference.getOrDefault(k, -1), map.get(k), "key " + k);
        }
    }

    @Test
    void sequentialIdsSurviveGrowth() {
        LongIntMap map = new LongIntMap();
        for (int id = 0; id < 100_000; id++) {
            map.put(id, id * 2);
        }
        for (int id = 0; id < 100_000; id += 2) {
            assertEquals(id * 2, map.remove(id));
        }
        assertEquals(50_000, map.size());
        for (int id = 0; id < 100_000; id++) {
            assertEquals(id % 2 == 0 ? -1 : id * 2, map.get(id));
        }
    }
}
