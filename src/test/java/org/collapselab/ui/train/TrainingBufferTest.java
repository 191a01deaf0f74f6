package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.core.training.IterationSample;
import org.junit.jupiter.api.Test;

class TrainingBufferTest {

    @Test
    void asksForADrainAtOnceOnTheFirstIterationOnly() {
        AtomicInteger urgentCalls = new AtomicInteger();
        TrainingBuffer buffer = new TrainingBuffer(urgentCalls::incrementAndGet);
        assertEquals(0, buffer.firstIterationAt);

        buffer.onIteration(new IterationSample(1, 0, 1.1, 1e-3));
        long first = buffer.firstIterationAt;
        assertEquals(1, urgentCalls.get(), "the first loss point must not wait for the pump's next tick");
        assertTrue(first > 0);

        for (int i = 2; i <= 50; i++) {
            buffer.onIteration(new IterationSample(i, 0, 1.0, 1e-3));
        }
        assertEquals(1, urgentCalls.get(), "later iterations are coalesced by the pump");
        assertEquals(first, buffer.firstIterationAt);
        assertEquals(50, buffer.drain().size());
    }
}
