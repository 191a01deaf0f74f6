package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** 30 train/stop cycles in one session must not grow the heap beyond a small bound (mvn verify -Preliability). */
@Tag("reliability")
class GuiCyclesReliabilityTest extends WorkbenchFxTest {
    static final int CYCLES = 30;
    static final long BOUND_MB = 64;
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 10, 16, 13);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void thirtyTrainStopCyclesKeepTheHeapFlat(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(100)));
        long baseline = 0;
        long last = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            robot.interact(window::trainNow);
            waitUntil(() -> window.trainModel().epochs().size() >= 1, 60);
            robot.interact(window::stopTraining);
            waitUntil(() -> !window.trainModel().runningProperty().get(), 60);
            if (cycle == 5) {
                baseline = heapAfterGc();
            }
            if (cycle == CYCLES) {
                last = heapAfterGc();
            }
        }
        long growthMb = (last - baseline) >> 20;
        System.out.printf("heap after GC: %d MB after cycle 5, %d MB after cycle %d (growth %d MB)%n", baseline >> 20,
                last >> 20, CYCLES, growthMb);
        assertTrue(growthMb < BOUND_MB, "heap grew by " + growthMb + " MB over " + (CYCLES - 5) + " cycles");
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
