package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.experiment.sweep.TrialsCsv;
import org.collapselab.testsupport.TestImages;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --master local[2]}: the same trials as on the local pool, each a run folder in the sweep folder. */
@Tag("slow")
class SparkSweepCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();

    @Test
    void aSweepOnLocalSparkGivesTheRowsOfTheLocalPool(@TempDir Path dir) throws Exception {
        Path data = TestImages.shapes(dir.resolve("data"), 2, 12, 16, 5);
        List<TrialResult> local = sweep(data, dir.resolve("local"), "--parallel", "1");
        List<TrialResult> spark = sweep(data, dir.resolve("spark"), "--master", "local[2]");

        assertEquals(4, spark.size(), out.toString(StandardCharsets.UTF_8));
        assertEquals(local.size(), spark.size());
        for (int i = 0; i < local.size(); i++) {
            TrialResult a = local.get(i);
            TrialResult b = spark.get(i);
            assertEquals(a.parameters(), b.parameters());
            assertEquals(TrialResult.COMPLETED, b.status(), b.toString());
            assertEquals(a.balancedAccuracy(), b.balancedAccuracy(), 1e-9, "same seed, same trial: " + b);
            assertEquals(a.collapsed(), b.collapsed(), b.toString());
            for (String file : List.of("config.json", "metrics.csv", "report.json")) {
                assertTrue(Files.exists(dir.resolve("spark").resolve(b.runFolder()).resolve(file)), b + " " + file);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("spark").resolve("sweep.html")));
    }

    @Test
    void aCsvSweepOnLocalSparkGivesTheRowsOfTheLocalPool(@TempDir Path dir) throws Exception {
        // Two numeric columns and a text column (one-hot); "yes" when a + b > 0.5, about a third of the rows.
        java.util.Random random = new java.util.Random(9);
        StringBuilder text = new StringBuilder("a,b,colour,label\n");
        for (int i = 0; i < 90; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            text.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%s,%s%n", a, b,
                    i % 3 == 0 ? "red" : "blue", a + b > 0.5 ? "yes" : "no"));
        }
        Path csv = Files.writeString(dir.resolve("rows.csv"), text);
        List<TrialResult> local = sweep(csv, dir.resolve("local"), List.of(), "--parallel", "1");
        List<TrialResult> spark = sweep(csv, dir.resolve("spark"), List.of(), "--master", "local[2]");

        assertEquals(4, spark.size(), out.toString(StandardCharsets.UTF_8));
        assertEquals(local.size(), spark.size());
        for (int i = 0; i < local.size(); i++) {
            TrialResult a = local.get(i);
            TrialResult b = spark.get(i);
            assertEquals(a.parameters(), b.parameters());
            assertEquals(TrialResult.COMPLETED, b.status(), b.toString());
            assertEquals(a.balancedAccuracy(), b.balancedAccuracy(), 1e-9, "same seed, same trial: " + b);
            String report = Files.readString(dir.resolve("spark").resolve(b.runFolder()).resolve("report.json"));
            assertTrue(report.contains("rows.csv"), "the trial read the CSV file: " + report);
        }
    }

    private List<TrialResult> sweep(Path data, Path folder, String... how) throws Exception {
        return sweep(data, folder, SweepCommandTest.TINY, how);
    }

    private List<TrialResult> sweep(Path data, Path folder, List<String> settings, String... how) throws Exception {
        List<String> args = new ArrayList<>(List.of("sweep", "--data", data.toString(), "--epochs", "1",
                "--param", "training.learningRate=1e-3,1e-2", "--param", "data.balance=none,class-weights",
                "--out", folder.toString()));
        args.addAll(settings);
        args.addAll(List.of(how));
        int code = CollapseLabCommand.run(args.toArray(String[]::new));
        assertTrue(code == ExitCodes.OK || code == ExitCodes.CRITICAL_FINDING, "exit " + code + "\n" + out);
        List<TrialResult> rows = new ArrayList<>(TrialsCsv.read(folder, SweepSpec.read(folder).parameterPaths()));
        rows.sort(Comparator.comparingInt(TrialResult::trial));
        return rows;
    }
}
