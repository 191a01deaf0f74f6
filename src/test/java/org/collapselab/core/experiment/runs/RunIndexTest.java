package org.collapselab.core.experiment.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.testsupport.RunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs table's index over written run folders, without training (see RunIndexRealRunsTest for real runs). */
class RunIndexTest {

    @Test
    void onlyTheHyperparametersThatDifferBecomeColumns(@TempDir Path runs) throws Exception {
        RunFolders.completed(runs.resolve("a"), RunFolders.config("name=a", "training.learningRate=0.001"), 3, 8);
        RunFolders.completed(runs.resolve("b"), RunFolders.config("name=b", "training.learningRate=0.01",
                "data.balance=class-weights"), 3, 9);
        RunFolders.completed(runs.resolve("c"), RunFolders.config("name=c", "training.learningRate=0.001",
                "model.layers[0].filters=8"), 3, 0);

        RunTable table = RunIndex.scan(runs);

        assertEquals(3, table.runs().size());
        // name differs too, but it labels the run rather than changing how it trains
        assertEquals(List.of("data.balance", "model.layers[0].filters", "training.learningRate"), table.differingParameters());
        Map<String, RunSummary> byName = table.runs().stream().collect(Collectors.toMap(RunSummary::name, Function.identity()));
        assertEquals("0.01", byName.get("b").parameter("training.learningRate"));
        assertEquals("class-weights", byName.get("b").parameter("data.balance"));
        assertEquals("none", byName.get("a").parameter("data.balance"));
        assertEquals("8", byName.get("c").parameter("model.layers[0].filters"));
        assertEquals(0.9, byName.get("a").balancedAccuracy(), 1e-9, "(10/10 + 8/10) / 2");
        assertTrue(byName.get("c").collapsed());
        assertEquals("cat", byName.get("c").collapsedOnto());
        assertEquals("completed", byName.get("a").status());
        assertEquals("samediff · cpu", byName.get("a").engine());
        assertEquals(1.5, byName.get("a").durationSeconds(), 1e-9, "3 epochs of 0.5 s");
        assertNull(byName.get("a").problem());
    }

    @Test
    void decimalsReadTheSameHowEverJsonWroteThem() throws Exception {
        var tree = org.collapselab.core.util.Json.MAPPER.readTree(
                "{\"training\": {\"learningRate\": 3.0E-4, \"l2\": 1e-7, \"batchSize\": 32, \"momentum\": 0.90}}");
        assertEquals(Map.of("training.learningRate", "0.0003", "training.l2", "0.0000001", "training.batchSize", "32",
                "training.momentum", "0.9"), ConfigParameters.flatten(tree));
    }

    @Test
    void identicalConfigsHaveNoDifferingColumns(@TempDir Path runs) throws Exception {
        RunFolders.completed(runs.resolve("a"), RunFolders.config(), 1, 5);
        RunFolders.completed(runs.resolve("b"), RunFolders.config(), 1, 7);
        assertEquals(List.of(), RunIndex.scan(runs).differingParameters());
    }

    @Test
    void brokenAndHalfWrittenFoldersAreListedWithTheirProblemWithoutHidingTheOthers(@TempDir Path runs) throws Exception {
        RunFolders.completed(runs.resolve("good"), RunFolders.config("training.learningRate=0.001"), 2, 9);
        Path truncated = RunFolders.completed(runs.resolve("truncated-report"), RunFolders.config("training.learningRate=0.1"), 2, 9);
        String json = Files.readString(truncated.resolve(RunReport.FILE));
        Files.writeString(truncated.resolve(RunReport.FILE), json.substring(0, json.length() / 2));
        Path killed = Files.createDirectories(runs.resolve("killed-before-first-epoch"));
        ConfigCodec.write(RunFolders.config("training.learningRate=0.5"), killed.resolve(RunRecorder.CONFIG_FILE));
        Path garbageConfig = Files.createDirectories(runs.resolve("garbage-config"));
        Files.writeString(garbageConfig.resolve(RunRecorder.CONFIG_FILE), "{not json");
        Files.createDirectories(runs.resolve("not-a-run")).resolve("notes.md").toFile().createNewFile();
        Files.writeString(runs.resolve("stray-file.txt"), "hello");
        Path trial = RunFolders.completed(runs.resolve("sweeps").resolve("lr").resolve("trial-001"),
                RunFolders.config("training.learningRate=0.003"), 1, 6);

        RunTable table = RunIndex.scan(runs);

        Map<String, RunSummary> byName = table.runs().stream().collect(Collectors.toMap(RunSummary::name, Function.identity()));
        assertEquals(java.util.Set.of("good", "truncated-report", "killed-before-first-epoch", "garbage-config",
                "sweeps/lr/trial-001"), byName.keySet());
        assertEquals("unreadable", byName.get("truncated-report").status());
        assertTrue(byName.get("truncated-report").problem().contains("report.json is unreadable"),
                byName.get("truncated-report").problem());
        assertEquals("0.1", byName.get("truncated-report").parameter("training.learningRate"), "config still read");
        assertEquals("incomplete", byName.get("killed-before-first-epoch").status());
        assertTrue(Double.isNaN(byName.get("killed-before-first-epoch").balancedAccuracy()));
        assertTrue(byName.get("garbage-config").problem().contains("config.json is unreadable"));
        assertEquals(trial, byName.get("sweeps/lr/trial-001").folder());
        assertEquals("completed", byName.get("good").status());
        assertTrue(table.differingParameters().contains("training.learningRate"));
    }

    @Test
    void sweepTrialsBesideTheRunsFolderJoinTheTableNamedByTheirSweep(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path sweeps = dir.resolve("sweeps");
        RunFolders.completed(runs.resolve("gui-run"), RunFolders.config(), 1, 5);
        RunFolders.completed(sweeps.resolve("lr-a").resolve("trial-001"), RunFolders.config("training.learningRate=0.01"), 1, 5);
        RunFolders.completed(sweeps.resolve("lr-b").resolve("trial-001"), RunFolders.config("training.learningRate=0.1"), 1, 5);
        Files.writeString(sweeps.resolve("lr-a").resolve("trials.csv"), "trial,status\n");

        RunTable table = RunIndex.scan(List.of(runs, sweeps));

        assertEquals(java.util.Set.of("gui-run", "lr-a/trial-001", "lr-b/trial-001"),
                table.runs().stream().map(RunSummary::name).collect(Collectors.toSet()));
        assertEquals(List.of("training.learningRate"), table.differingParameters());
    }

    @Test
    void aMissingRunsFolderIsAnEmptyTable(@TempDir Path dir) throws Exception {
        assertEquals(0, RunIndex.scan(dir.resolve("nothing-here")).runs().size());
    }

    @Test
    void theNoteIsKeptInTheRunFolder(@TempDir Path runs) throws Exception {
        Path run = RunFolders.completed(runs.resolve("a"), RunFolders.config(), 1, 5);
        RunIndex.writeNote(run, "  lr too high, try 1e-4\n");
        assertEquals("lr too high, try 1e-4", Files.readString(run.resolve(RunIndex.NOTE_FILE)));
        assertEquals("lr too high, try 1e-4", RunIndex.scan(runs).runs().get(0).note());
        RunIndex.writeNote(run, "");
        assertFalse(Files.exists(run.resolve(RunIndex.NOTE_FILE)));
        assertThrows(java.io.IOException.class, () -> RunIndex.writeNote(Files.createDirectories(runs.resolve("x")), "n"));
    }

    @Test
    void deletingNeedsConfirmationAndRefusesWhatIsNotARunOrStillTraining(@TempDir Path runs) throws Exception {
        Path run = RunFolders.completed(runs.resolve("a"), RunFolders.config(), 1, 5);
        assertThrows(IllegalArgumentException.class, () -> RunIndex.delete(run, false));
        assertTrue(Files.exists(run.resolve(RunReport.FILE)), "nothing deleted without confirmation");

        Path other = Files.createDirectories(runs.resolve("holiday-photos"));
        Files.writeString(other.resolve("photo.txt"), "keep me");
        assertThrows(java.io.IOException.class, () -> RunIndex.delete(other, true));
        assertTrue(Files.exists(other.resolve("photo.txt")));

        RunRecorder training = new RunRecorder(runs.resolve("live"), RunFolders.config(),
                new RunReport.DatasetSection("memory", List.of("a", "b"), Map.of(), 1, 1, List.of()));
        java.io.IOException refused = assertThrows(java.io.IOException.class, () -> RunIndex.delete(training.folder(), true));
        assertTrue(refused.getMessage().contains("still training"), refused.getMessage());
        assertTrue(Files.exists(training.folder().resolve(RunReport.FILE)));

        RunIndex.delete(run, true);
        assertFalse(Files.exists(run));
    }

    @Test
    void aThousandRunsAreIndexedQuickly(@TempDir Path runs) throws Exception {
        String[] rates = {"0.0001", "0.0003", "0.001", "0.003", "0.01"};
        for (int i = 0; i < 1000; i++) {
            RunFolders.completed(runs.resolve(String.format("run-%04d", i)),
                    RunFolders.config("training.learningRate=" + rates[i % rates.length], "training.batchSize=" + (16 << (i % 3))),
                    10, i % 11);
        }
        long start = System.nanoTime();
        RunTable table = RunIndex.scan(runs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "indexed 1000 run folders (10 epochs each) in %.2f s%n", seconds);
        assertEquals(1000, table.runs().size());
        assertEquals(List.of("training.learningRate", "training.batchSize"), table.differingParameters());
        // Generous for a shared 2-core machine; the measured time is printed above.
        assertTrue(seconds < 30, "indexing 1000 runs took " + seconds + " s");
    }
}
