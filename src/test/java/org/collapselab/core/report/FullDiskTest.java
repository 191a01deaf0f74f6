package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills during a run, on a real 4 MiB tmpfs (the kernel's own "no space left on device"). Needs
 * permission to mount (root, as on our build machines); elsewhere the tests are skipped.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private Path runs;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        runs = Files.createDirectory(dir.resolve("runs"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", runs.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "--lazy", runs.toString()); // lazy: a failed run may still hold its lock file open
        }
    }

    @Test
    void aFullDiskLeavesTheLastCompleteReportThenEndsTheRunAsFailed() throws Exception {
        Path neighbour = Files.createDirectory(runs.resolve("earlier-run"));
        Files.writeString(neighbour.resolve(RunReport.FILE), "{\"status\":\"completed\"}");
        byte[] neighbourBefore = Files.readAllBytes(neighbour.resolve(RunReport.FILE));
        Path folder = runs.resolve("run");
        RunRecorder recorder = new RunRecorder(folder, ConfigCodec.defaults(), null);
        recorder.onEpoch(epoch(1));

        fillDisk();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> recorder.onEpoch(epoch(2)));
        assertTrue(e.getMessage().startsWith("no space left on device while trying to write metrics.csv"), e.getMessage());
        RunReport meanwhile = RunReport.read(folder);
        assertEquals(RunStatus.RUNNING, meanwhile.status());
        assertEquals(1, meanwhile.epochs().size(), "report.json is the last complete version");
        assertEquals(2, Files.readAllLines(folder.resolve(MetricsCsvWriter.METRICS_FILE)).size(),
                "metrics.csv is the last complete version: header and epoch 1");

        RunReport last = recorder.finish(new TrainingResult(RunStatus.FAILED, List.of(), CollapseVerdict.NONE, null,
                "training failed: " + e, List.of(), List.of(), 1.0), List.of());
        RunReport readBack = RunReport.read(folder);
        System.out.println("full disk: " + readBack.status().json() + " — " + readBack.message());
        assertEquals(RunStatus.FAILED, readBack.status());
        assertEquals(last.message(), readBack.message());
        assertTrue(readBack.message().startsWith("no space left on device"), readBack.message());
        assertEquals("failed", readBack.displayStatus(folder));
        assertEquals(2, readBack.epochs().size(), "the epochs recorded before the disk filled");
        assertLeftClean(folder);
        assertArrayEquals(neighbourBefore, Files.readAllBytes(neighbour.resolve(RunReport.FILE)), "another run is intact");
    }

    @Test
    @Tag("slow")
    void aTrainingRunOnADiskThatFillsEndsFailedWithTheReasonInWords() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 3, 20, 20);
        Path folder = runs.resolve("run");
        TrainingObserver fillAfterFirstEpoch = new TrainingObserver() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                if (metrics.epoch() == 1) {
                    fillDisk();
                }
            }
        };
        RunOutcome outcome = new ExperimentRunner(new Dl4jTrainingEngine()).run(RunFolderTest.tiny(4), data, null, folder,
                fillAfterFirstEpoch, CancellationToken.none());
        RunReport readBack = RunReport.read(folder);
        System.out.println("full disk run: " + readBack.status().json() + " — " + readBack.message());
        assertEquals(RunStatus.FAILED, outcome.report().status());
        assertEquals(RunStatus.FAILED, readBack.status());
        assertTrue(readBack.message().startsWith("no space left on device while trying to write metrics.csv"),
                readBack.message());
        assertTrue(readBack.message().contains("after epoch 2"), readBack.message());
        assertEquals(2, Files.readAllLines(folder.resolve(MetricsCsvWriter.METRICS_FILE)).size(),
                "metrics.csv holds epoch 1, the last one written whole");
        assertLeftClean(folder);
    }

    private static EpochMetrics epoch(int n) {
        ConfusionMatrix confusion = new ConfusionMatrix(List.of("cats", "dogs"), new int[][]{{5, 5}, {0, 10}});
        return new EpochMetrics(n, 0.7, 0.7, 0.5, 0.5, 0.5, 0.33, 1.0, 0.5, 1.0, confusion);
    }

    /** Writes a filler file until the disk refuses. */
    private void fillDisk() {
        byte[] block = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(runs.resolve("filler"))) {
            for (int i = 0; i < 1024; i++) {
                out.write(block);
            }
            throw new AssertionError("the 4 MiB disk took 16 MiB");
        } catch (IOException full) {
            // full
        }
    }

    private static void assertLeftClean(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.equals(SpaceReserve.FILE)
                    || n.equals(RunLock.FILE)), "no temporary, reserve or lock files left: " + names);
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
