package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.RunStatus;
import org.collapselab.testsupport.ProcessMemory;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Ten runs trained through the workbench, as a user retrains: the resident size after the tenth run stays within a
 * stated bound of the size after the first (mvn verify -Preliability). The size is read as the user sees it,
 * without forcing a collection; figures and reasoning in docs/decisions (hardening2-memory).
 */
@Tag("reliability")
class GuiMemoryReliabilityTest extends WorkbenchFxTest {
    static final int RUNS = 10;
    /** Growth allowed from run 1 to run 10: measured +28 to +39 MB on tiny data; the issue saw about 230 MB a run. */
    static final long BOUND_MB = 100;
    static Path dataset;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 12, 16, 29);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    @Test
    void tenRunsEndWithinABoundOfOneRun(FxRobot robot) {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(uncheckedConfig(3)));
        List<String> samples = new ArrayList<>();
        long afterFirst = 0;
        long afterLast = 0;
        for (int run = 1; run <= RUNS; run++) {
            RunOutcome before = window.trainModel().lastOutcomeProperty().get();
            robot.interact(window::trainNow);
            waitUntil(() -> !window.trainModel().runningProperty().get()
                    && window.trainModel().lastOutcomeProperty().get() != before, 180);
            RunOutcome outcome = window.trainModel().lastOutcomeProperty().get();
            assertEquals(RunStatus.COMPLETED, outcome.result().status(), outcome.result().message());
            long rss = ProcessMemory.residentBytes();
            samples.add("run " + run + ": " + (rss >> 20) + " MB");
            if (run == 1) {
                afterFirst = rss;
            }
            afterLast = rss;
        }
        long growthMb = (afterLast - afterFirst) >> 20;
        System.out.printf("GUI resident size after each run: %s (growth %d MB; heap after GC at the end %d MB)%n",
                String.join(", ", samples), growthMb, ProcessMemory.heapAfterGc() >> 20);
        assertTrue(growthMb <= BOUND_MB, "resident size grew " + growthMb + " MB from run 1 to run " + RUNS);
    }
}
