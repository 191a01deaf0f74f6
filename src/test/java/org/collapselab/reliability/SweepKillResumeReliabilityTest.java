package org.collapselab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.experiment.sweep.TrialsCsv;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a sweep, then {@code --resume}: every trial finished before the kill is kept as it
 * was, none runs twice, and the sweep ends complete. The sweep runs in a child JVM so it can be killed for real.
 */
@Tag("reliability")
class SweepKillResumeReliabilityTest {

    @Test
    void killNineThenResumeLosesAndRepeatsNoTrial(@TempDir Path dir) throws Exception {
        Path data = TestImages.shapes(dir.resolve("data"), 2, 12, 16, 5);
        Path sweep = dir.resolve("sweep");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.collapselab.ui.Launcher",
                "sweep", "--data", data.toString(), "--epochs", "2", "--parallel", "1",
                "--param", "training.learningRate=1e-4,1e-3,1e-2", "--param", "data.balance=none,class-weights",
                "--out", sweep.toString(), "--set", "data.imageSize=16", "--set", "data.channels=1",
                "--set", "training.batchSize=8"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path csv = sweep.resolve(TrialsCsv.FILE);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        List<String> before = List.of();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(csv) && Files.readAllLines(csv).size() >= 3) { // header + 2 trials
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(child.isAlive(), "the sweep ended before it could be killed:\n" + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        SweepSpec spec = SweepSpec.read(sweep);
        List<TrialResult> kept = TrialsCsv.read(sweep, spec.parameterPaths());
        assertTrue(kept.size() >= 2 && kept.size() < 6, "rows before resume: " + kept.size());

        int code = CollapseLabCommand.run("sweep", "--resume", sweep.toString(), "--parallel", "1");
        assertTrue(code == 0 || code == 1, "resume exit " + code);
        List<TrialResult> after = TrialsCsv.read(sweep, spec.parameterPaths());
        assertEquals(6, after.size(), "every trial finished once");
        assertEquals(6, after.stream().map(TrialResult::trial).distinct().count(), "none repeated");
        assertEquals(kept, after.subList(0, kept.size()), "the rows from before the kill are unchanged");
        System.out.printf("kill -9 after %d of 6 trials; after --resume %d rows, %d distinct%n", kept.size(), after.size(),
                after.stream().map(TrialResult::trial).distinct().count());
    }
}
