package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.testsupport.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills during a run, through {@link SmallDisk} (no mount needed; {@link FullDiskTest} uses a tmpfs). */
class RunRecorderFullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskLeavesTheLastCompleteReportThenEndsTheRunAsFailed() throws Exception {
        SmallDisk disk = SmallDisk.of(dir, 4 << 20);
        Path runs = disk.root();
        Path neighbour = Files.createDirectory(runs.resolve("earlier-run"));
        Files.writeString(neighbour.resolve(RunReport.FILE), "{\"status\":\"completed\"}");
        byte[] neighbourBefore = Files.readAllBytes(neighbour.resolve(RunReport.FILE));
        Path folder = runs.resolve("run");
        RunRecorder recorder = new RunRecorder(folder, ConfigCodec.defaults(), null);
        recorder.onEpoch(epoch(1));

        disk.fill();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> recorder.onEpoch(epoch(2)));
        assertTrue(e.getMessage().startsWith("no space left on device while trying to write metrics.csv"), e.getMessage());
        RunReport meanwhile = RunReport.read(folder);
        assertEquals(RunStatus.RUNNING, meanwhile.status());
        assertEquals(1, meanwhile.epochs().size(), "report.json is the last complete version");
        assertEquals(2, Files.readAllLines(folder.resolve(MetricsCsvWriter.METRICS_FILE)).size(),
                "metrics.csv is the last complete version: header and epoch 1");

        recorder.finish(new TrainingResult(RunStatus.FAILED, List.of(), CollapseVerdict.NONE, null,
                "training failed: " + e, List.of(), List.of(), 1.0), List.of());
        RunReport readBack = RunReport.read(folder);
        System.out.println("small disk: " + readBack.status().json() + " — " + readBack.message());
        assertEquals(RunStatus.FAILED, readBack.status());
        assertTrue(readBack.message().startsWith("no space left on device"), readBack.message());
        assertEquals("failed", readBack.displayStatus(folder));
        assertEquals(2, readBack.epochs().size(), "the epochs recorded before the disk filled");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(RunRecorder.CONFIG_FILE, MetricsCsvWriter.ITERATIONS_FILE, MetricsCsvWriter.METRICS_FILE,
                    RunReport.FILE), names, "no temporary, reserve or lock files left");
        }
        assertArrayEquals(neighbourBefore, Files.readAllBytes(neighbour.resolve(RunReport.FILE)), "another run is intact");
    }

    @Test
    void aDiskFullBeforeTheRunStartsIsSaidInWords() throws Exception {
        SmallDisk disk = SmallDisk.of(dir, 1024);
        IOException e = assertThrows(IOException.class,
                () -> new RunRecorder(disk.root().resolve("run"), ConfigCodec.defaults(), null));
        assertTrue(e.getMessage().startsWith("no space left on device while trying to write config.json"), e.getMessage());
    }

    private static EpochMetrics epoch(int n) {
        ConfusionMatrix confusion = new ConfusionMatrix(List.of("cats", "dogs"), new int[][]{{5, 5}, {0, 10}});
        return new EpochMetrics(n, 0.7, 0.7, 0.5, 0.5, 0.5, 0.33, 1.0, 0.5, 1.0, confusion);
    }
}
