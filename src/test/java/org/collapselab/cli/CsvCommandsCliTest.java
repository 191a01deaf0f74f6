package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose}, {@code predict} and {@code sweep} with {@code --data FILE.csv}, on tiny CSV files written here. */
@Tag("slow")
class CsvCommandsCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();
    private final ByteArrayOutputStream err = console.err();

    @TempDir
    Path dir;

    @Test
    void diagnoseNamesTheColumnThatLeaksTheLabel() throws Exception {
        Path csv = rows("leak.csv", 200, 1, true);
        Path run = dir.resolve("run");
        // A budget of one second skips the trial experiments; the data checks and the monitored run still go.
        int code = CollapseLabCommand.run("diagnose", "--data", csv.toString(), "--epochs", "2", "--budget-seconds", "1",
                "--out", run.toString());
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CRITICAL_FINDING, code, err + stdout);
        assertTrue(stdout.contains("Column 'customer_id' alone predicts the label"), stdout);
        assertTrue(stdout.contains("warning:duplicate-rows") && stdout.contains("info:constant-feature"), stdout);
        String report = Files.readString(run.resolve("report.json"));
        assertTrue(report.contains("spurious-feature") && report.contains("customer_id"), report);
    }

    @Test
    void predictClassifiesRowsAndFlagsAColumnInOtherUnits() throws Exception {
        Path csv = rows("train.csv", 120, 1, false);
        Path run = dir.resolve("run");
        int trained = CollapseLabCommand.run("train", "--data", csv.toString(), "--epochs", "2", "--out", run.toString());
        assertTrue(trained == ExitCodes.OK || trained == ExitCodes.CRITICAL_FINDING, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(run.resolve("model.zip")), "a CSV run saves its model");

        Path predictions = dir.resolve("predictions.csv");
        int same = CollapseLabCommand.run("predict", "--run", run.toString(), "--data", csv.toString(), "--out",
                predictions.toString());
        assertEquals(ExitCodes.OK, same, err.toString(StandardCharsets.UTF_8) + out);
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("line,actual,predicted,confidence", lines.get(0));
        assertEquals(121, lines.size());
        assertTrue(lines.get(1).startsWith("2,"), lines.get(1));

        // The same rows with 'income' in cents instead of euros: the fingerprint names the column.
        Path cents = rows("cents.csv", 120, 100, false);
        int shifted = CollapseLabCommand.run("predict", "--run", run.toString(), "--data", cents.toString(), "--out",
                dir.resolve("p2.csv").toString());
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CRITICAL_FINDING, shifted, stdout);
        assertTrue(stdout.contains("preprocessing-mismatch") && stdout.contains("'income'"), stdout);
    }

    @Test
    void sweepRunsItsTrialsOnTheRows() throws Exception {
        Path csv = rows("rows.csv", 80, 1, false);
        Path sweep = dir.resolve("sweep");
        int code = CollapseLabCommand.run("sweep", "--data", csv.toString(), "--epochs", "1", "--param",
                "data.balance=none,class-weights", "--parallel", "1", "--out", sweep.toString());
        assertTrue(code == ExitCodes.OK || code == ExitCodes.CRITICAL_FINDING, err.toString(StandardCharsets.UTF_8) + out);
        List<String> trials = Files.readAllLines(sweep.resolve("trials.csv"));
        assertEquals(3, trials.size(), String.join("\n", trials));
        assertTrue(trials.get(1).contains("completed") && trials.get(2).contains("completed"), String.join("\n", trials));
        assertTrue(Files.isRegularFile(sweep.resolve("trial-001").resolve("report.json")));
    }

    /**
     * Columns customer_id, income (times {@code incomeScale}), age, unit (always 1) and label (1 in 5 'yes', from
     * income and age). With {@code leak} the 'yes' rows got ids after all the others; every tenth row is repeated.
     */
    private Path rows(String name, int count, double incomeScale, boolean leak) throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("customer_id,income,age,unit,label\n");
        String previous = null;
        for (int i = 0; i < count; i++) {
            String row;
            if (leak && i % 10 == 9 && previous != null) {
                row = previous;
            } else {
                double income = 30 + 10 * random.nextGaussian();
                double age = 40 + 12 * random.nextGaussian();
                boolean yes = i % 5 == 0;
                if (yes) {
                    income += 25;
                    age -= 15;
                }
                int id = leak && yes ? 100_000 + i : i;
                row = String.format(Locale.ROOT, "%d,%.2f,%.1f,1,%s", id, income * incomeScale, age, yes ? "yes" : "no");
            }
            csv.append(row).append('\n');
            previous = row;
        }
        return Files.writeString(dir.resolve(name), csv);
    }
}
