package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.experiment.sweep.TrialsCsv;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.testsupport.TestImages;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} on the command line: bad specs exit 2 naming the parameter, and one real tiny sweep. */
class SweepCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();
    private final ByteArrayOutputStream err = console.err();
    /** Tiny images and network, so a trial-epoch takes about a second on two cores. */
    static final List<String> TINY = List.of("--set", "data.imageSize=16", "--set", "data.channels=1",
            "--set", "training.batchSize=8", "--set",
            "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},{\"type\":\"pool\",\"size\":2},"
                    + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]");

    @Test
    void helpListsTheSweepOptions() {
        assertEquals(0, CollapseLabCommand.run("sweep", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--param=PATH=SPEC", "--strategy", "--trials", "--objective", "--halving",
                "--parallel", "--resume", "--set=PATH=VALUE")) {
            assertTrue(help.contains(option), option + " missing from\n" + help);
        }
    }

    @Test
    void badParameterSpecExitsTwoNamingTheParameter(@TempDir Path dir) {
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("sweep", "--data", dir.toString(),
                "--param", "training.learningRate=log:1e-5..1e-1:5", "--param", "data.balance=none,sideways"));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("data.balance: --param data.balance=none,sideways: value sideways is refused"), stderr);

        err.reset();
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("sweep", "--data", dir.toString(),
                "--param", "training.learnignRate=1e-3,1e-2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("training.learnignRate"), err.toString(StandardCharsets.UTF_8));

        err.reset();
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("sweep", "--data", dir.toString(),
                "--param", "training.learningRate=1e-3", "--objective", "accuracy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--objective: unknown objective 'accuracy'"));
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("sweep", "--data", dir.toString()));
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("sweep", "--resume", dir.toString()),
                "a folder without sweep.json");
    }

    @Tag("slow")
    @Test
    void realTinySweepWritesARunFolderPerTrialTrialsCsvAndTheMap(@TempDir Path dir) throws Exception {
        Path data = TestImages.shapes(dir.resolve("data"), 2, 12, 16, 5);
        Path sweep = dir.resolve("sweep");
        List<String> args = new ArrayList<>(List.of("sweep", "--data", data.toString(), "--epochs", "1",
                "--param", "training.learningRate=1e-3,1e-2", "--param", "data.balance=none,class-weights",
                "--parallel", "2", "--out", sweep.toString()));
        args.addAll(TINY);
        int code = CollapseLabCommand.run(args.toArray(String[]::new));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertTrue(code == ExitCodes.OK || code == ExitCodes.CRITICAL_FINDING, "exit " + code + "\n" + stdout + err);

        SweepSpec spec = SweepSpec.read(sweep);
        List<TrialResult> rows = TrialsCsv.read(sweep, spec.parameterPaths());
        assertEquals(4, rows.size(), stdout);
        for (TrialResult row : rows) {
            assertEquals(TrialResult.COMPLETED, row.status(), row.toString());
            assertTrue(row.balancedAccuracy() >= 0 && row.balancedAccuracy() <= 1, row.toString());
            Path folder = sweep.resolve(row.runFolder());
            for (String file : List.of("config.json", "metrics.csv", "report.json")) {
                assertTrue(Files.exists(folder.resolve(file)), folder + " lacks " + file);
            }
            ExperimentConfig config = ConfigCodec.read(folder.resolve("config.json"));
            assertEquals(Double.parseDouble(row.parameters().get("training.learningRate")), config.training().learningRate());
            assertEquals(row.parameters().get("data.balance"), config.data().balance().json());
            assertEquals(1, config.training().epochs());
        }
        assertEquals(4, rows.stream().map(TrialResult::parameters).distinct().count());
        String html = Files.readString(sweep.resolve("sweep.html"));
        assertTrue(html.contains("id=\"summary\""));
        assertTrue(stdout.contains("trials that trained collapsed") || stdout.contains("No trial collapsed"), stdout);
    }
}
