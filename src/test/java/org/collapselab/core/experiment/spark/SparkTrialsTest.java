package org.collapselab.core.experiment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep trials as Spark tasks on an in-process {@code local[2]} master. */
@Tag("slow")
class SparkTrialsTest {
    private static SparkTrials spark;

    @BeforeAll
    static void startSpark() {
        spark = new SparkTrials("local[2]", 1);
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void fourTrialsComeBackAsRunFoldersWithTheirMetrics(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 20, 20);
        List<SparkTrialTask> tasks = new ArrayList<>();
        double[] rates = {1e-4, 1e-3, 3e-3, 1e-2};
        for (int i = 0; i < rates.length; i++) {
            ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=2",
                    "training.learningRate=" + rates[i], "name=trial-" + i);
            tasks.add(new SparkTrialTask("trial-00" + i, ConfigCodec.toJson(config), false));
        }
        List<SparkTrialResult> results = new ArrayList<>();
        spark.run(data, null, tasks, results::add, new CancellationToken());

        assertEquals(4, results.size());
        Set<String> ids = new HashSet<>();
        for (SparkTrialResult result : results) {
            assertNull(result.failure(), result.id());
            assertTrue(ids.add(result.id()), "each trial once: " + result.id());
            Path folder = dir.resolve(result.id());
            result.unpackInto(folder);
            RunReport report = RunReport.read(folder);
            assertEquals(RunStatus.COMPLETED, report.status(), result.id());
            assertEquals(2, report.epochs().size(), "the curves travel back");
            assertNotNull(report.finalResult().confusion(), "and the confusion matrix");
            assertEquals(40, report.dataset().train() + report.dataset().validation(), "trained on the broadcast data");
            assertTrue(Files.isRegularFile(folder.resolve("config.json")));
            assertTrue(Files.isRegularFile(folder.resolve("metrics.csv")));
            assertTrue(!Files.exists(folder.resolve("model.zip")), "models stay on the executor unless asked for");
        }
    }

    @Test
    void aTrialThatFailsEveryAttemptComesBackWithItsReason() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 6, 6);
        List<SparkTrialResult> results = new ArrayList<>();
        spark.run(data, null, List.of(new SparkTrialTask("trial-bad", "{\"training\":{\"batchSize\":0}}", false)),
                results::add, new CancellationToken());
        assertEquals(1, results.size());
        assertNotNull(results.get(0).failure());
        assertTrue(results.get(0).failure().contains("training.batchSize"), results.get(0).failure());
    }

    @Test
    void theDriverListensOnTheLoopbackInterfaceOnly() throws IOException {
        List<String> listening = listeningAddressesOfThisProcess();
        assertTrue(!listening.isEmpty(), "Spark's driver listens somewhere");
        for (String address : listening) {
            assertTrue(address.equals("0100007F") || address.equals("00000000000000000000000001000000")
                    || address.equals("0000000000000000FFFF00000100007F"), "listens on " + address + ": " + listening);
        }
    }

    @Test
    void aDatasetAboveTheLimitIsRefusedWithBothSizes() {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BroadcastDataset.of(data, 1000));
        assertTrue(e.getMessage().contains("0 MB") && e.getMessage().contains("MB a sweep broadcasts"), e.getMessage());
    }

    /** Hex local addresses (as /proc/net/tcp writes them) of the sockets this process listens on. */
    private static List<String> listeningAddressesOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException ignored) {
                    // the descriptor closed meanwhile
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean listen = f[3].equals("0A");
                if (listen && inodes.contains(f[9])) {
                    addresses.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }
}
