package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeMemoryGuardTest {
    private static final long MS = 1_000_000L;

    /** A fake clock; a "collection" takes 25 ms of it, and minibatches come every 60 ms. */
    private long now;

    @Test
    void collectsWhenResidentMemoryPassesTheLimit() {
        long[] resident = {500};
        NativeMemoryGuard guard = new NativeMemoryGuard(1000, () -> resident[0], () -> now += 25 * MS, () -> now);
        guard.check();
        assertEquals(0, guard.collections());
        resident[0] = 1500;
        guard.check();
        assertEquals(1, guard.collections());
    }

    @Test
    void aCollectionThatLeavesMemoryResidentDoesNotRepeatEveryMinibatch() {
        // Freed buffers stay in the allocator's pools: resident memory stays above the limit after each collection.
        NativeMemoryGuard guard = new NativeMemoryGuard(1000, () -> 1500, () -> now += 25 * MS, () -> now);
        long start = now;
        for (int step = 0; step < 1000; step++) {
            guard.check();
            now += 60 * MS;
        }
        double seconds = (now - start) / 1e9;
        long collectionTime = guard.collections() * 25 * MS;
        assertTrue(guard.collections() >= 2, "still collects while memory stays high: " + guard.collections());
        assertTrue(collectionTime <= 0.1 * (now - start),
                guard.collections() + " collections of 25 ms in " + seconds + " s");
    }

    @Test
    void collectsAgainOnceTheSpacingHasPassed() {
        NativeMemoryGuard guard = new NativeMemoryGuard(1000, () -> 1500, () -> now += 25 * MS, () -> now);
        guard.check();
        now += NativeMemoryGuard.SPACING * 25 * MS - MS;
        guard.check();
        assertEquals(1, guard.collections());
        now += MS;
        guard.check();
        assertEquals(2, guard.collections());
    }
}
