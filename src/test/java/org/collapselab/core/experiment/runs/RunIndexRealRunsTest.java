package org.collapselab.core.experiment.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs table and Compare over run folders written by real one-epoch training: the CLI's and the GUI's way. */
@Tag("slow")
class RunIndexRealRunsTest {
    private static final List<String> TINY = List.of("data.imageSize=16", "data.channels=1", "training.batchSize=16",
            "training.epochs=1",
            "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},{\"type\":\"pool\",\"size\":2},"
                    + "{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]");

    @Test
    void cliAndGuiRunsShareOneTableAndCanBeCompared(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path images = TestImages.shapes(dir.resolve("shapes"), 2, 12, 16, 5);
        // The CLI's way: `train --out`.
        List<String> args = new ArrayList<>(List.of("train", "--data", images.toString(), "--out",
                runs.resolve("cli-lr-0.01").toString(), "--set", "training.learningRate=0.01"));
        TINY.forEach(s -> {
            args.add("--set");
            args.add(s);
        });
        PrintStream oldOut = System.out;
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = CollapseLabCommand.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
        }
        assertTrue(code == 0 || code == 1, "train exit code " + code);
        // The GUI's way: a time-stamped folder under the runs directory, through the shared experiment runner.
        List<String> gui = new ArrayList<>(TINY);
        gui.add("data.balance=class-weights");
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults().withName("gui"), gui);
        Path guiFolder = org.collapselab.core.report.RunFolders.create(runs, config.name());
        new ExperimentRunner(Engines.defaultEngine()).run(config, InMemoryData.bars(16, 1, 3, 12, 12), null, guiFolder,
                TrainingObserver.NONE, CancellationToken.none());

        RunTable table = RunIndex.scan(runs);

        assertEquals(2, table.runs().size());
        Map<String, RunSummary> byName = table.runs().stream().collect(Collectors.toMap(RunSummary::name, Function.identity()));
        RunSummary cli = byName.get("cli-lr-0.01");
        RunSummary app = byName.get(guiFolder.getFileName().toString());
        for (RunSummary run : List.of(cli, app)) {
            assertEquals("completed", run.status(), run.name());
            assertNull(run.problem(), run.name());
            assertFalse(run.engine().isEmpty(), run.name());
            assertTrue(run.balancedAccuracy() >= 0 && run.balancedAccuracy() <= 1, run.name());
            assertTrue(run.durationSeconds() > 0, run.name());
            assertTrue(run.start() != null, run.name());
        }
        assertEquals(List.of("data.balance", "training.learningRate"), table.differingParameters());
        assertEquals("0.01", cli.parameter("training.learningRate"));
        assertEquals("0.001", app.parameter("training.learningRate"));
        assertEquals("class-weights", app.parameter("data.balance"));

        RunComparison comparison = RunComparison.of(List.of(cli, app));
        assertEquals(1, comparison.curves().get(0).epochs().length);
        assertEquals(2, comparison.configDiff().size());
        assertEquals(2, comparison.confusions().get(1).shares().length);
        assertEquals(app.balancedAccuracy() - cli.balancedAccuracy(), comparison.metrics().get(1).deltas()[1], 1e-12);
    }
}
