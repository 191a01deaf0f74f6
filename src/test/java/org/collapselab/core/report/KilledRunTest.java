package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-training leaves a readable run folder that reads back as interrupted. */
@Tag("slow")
class KilledRunTest {

    /** Child process: trains for a long time into the folder given as argument. */
    public static void main(String[] args) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 40, 40);
        new ExperimentRunner(new Dl4jTrainingEngine()).run(RunFolderTest.tiny(500), data, null, Path.of(args[0]),
                TrainingObserver.NONE, CancellationToken.none());
    }

    @Test
    void killMinusNineLeavesConfigMetricsAndARunningReport(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledRunTest.class.getName(), run.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Path metrics = run.resolve("metrics.csv");
            while (System.nanoTime() < deadline
                    && (!Files.exists(metrics) || Files.readAllLines(metrics).size() < 3)) {
                assertTrue(child.isAlive(), () -> "child died: " + read(dir.resolve("child.log")));
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(run.resolve("config.json")));
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        RunReport report = RunReport.read(run);
        assertEquals(RunStatus.RUNNING, report.status());
        assertEquals("interrupted", report.displayStatus(run));
        // The kill can land between metrics.csv and report.json of the same epoch: the report may lag by one.
        assertTrue(report.epochs().size() >= 1, "epochs in report: " + report.epochs().size());
        assertTrue(rows.size() - 1 >= report.epochs().size(), "metrics rows " + rows.size());
        System.out.printf("kill -9 after %d epochs: report.json status=%s (shown as %s), metrics.csv rows=%d%n",
                report.epochs().size(), report.status().json(), report.displayStatus(run), rows.size() - 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
