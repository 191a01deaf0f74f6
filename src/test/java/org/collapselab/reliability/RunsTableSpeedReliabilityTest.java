package org.collapselab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.core.experiment.runs.RunIndex;
import org.collapselab.core.experiment.runs.RunTable;
import org.collapselab.testsupport.RunFolders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs table over 1,000 run folders (20 epochs and three findings each, like long runs): the first listing
 * reads every folder, later ones reuse the rows of unchanged folders. Prints the figures (mvn verify -Preliability).
 */
@Tag("reliability")
class RunsTableSpeedReliabilityTest {
    static final int RUNS = 1000;
    /** The target for opening the table; the cached listing must meet it even on a loaded 2-core machine. */
    static final double BOUND_SECONDS = 1.0;

    @Test
    void aThousandRunsListWithinOneSecondOnceIndexed(@TempDir Path dir) throws Exception {
        String previous = System.getProperty("collapselab.runsIndexCache");
        System.setProperty("collapselab.runsIndexCache", dir.resolve("cache").toString());
        try {
            Path runs = Files.createDirectories(dir.resolve("runs"));
            for (int i = 0; i < RUNS; i++) {
                RunFolders.completed(runs.resolve(String.format("run-%04d", i)),
                        RunFolders.config("training.learningRate=" + (i % 7 + 1) + "e-4"), 20, i % 11,
                        "class-imbalance", "dead-relu", "learning-rate-out-of-range");
            }
            double first = seconds(runs);
            double[] cached = new double[3];
            for (int round = 0; round < cached.length; round++) {
                cached[round] = seconds(runs);
            }
            RunFolders.completed(runs.resolve("run-0007"), RunFolders.config("training.learningRate=0.5"), 3, 1);
            double oneChanged = seconds(runs);
            double best = Math.min(cached[0], Math.min(cached[1], cached[2]));
            System.out.printf(java.util.Locale.ROOT, "runs table, %d runs: first listing %.2f s (reads every folder), "
                            + "then %.2f / %.2f / %.2f s (cached rows), %.2f s after one run changed; load average %.1f%n",
                    RUNS, first, cached[0], cached[1], cached[2], oneChanged,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertTrue(best < BOUND_SECONDS, "cached listing took " + best + " s");
            assertTrue(oneChanged < BOUND_SECONDS, "listing after one change took " + oneChanged + " s");
        } finally {
            if (previous == null) {
                System.clearProperty("collapselab.runsIndexCache");
            } else {
                System.setProperty("collapselab.runsIndexCache", previous);
            }
        }
    }

    private static double seconds(Path runs) throws Exception {
        long start = System.nanoTime();
        RunTable table = RunIndex.scan(runs);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(RUNS, table.runs().size());
        return seconds;
    }
}
