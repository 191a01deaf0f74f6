package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --data FILE.csv}: the reference network of the data kind, the run folder, and kind errors. */
class CsvTrainCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();
    private final ByteArrayOutputStream err = console.err();

    @TempDir
    Path dir;

    @Test
    void sequenceCsvTrainsTheReferenceOneDimensionalCnnIntoARunFolder() throws Exception {
        Path csv = series(40, 32);
        Path run = dir.resolve("run");
        int code = CollapseLabCommand.run("train", "--data", csv.toString(), "--set", "data.kind=sequence",
                "--epochs", "2", "--out", run.toString());
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertTrue(code == ExitCodes.OK || code == ExitCodes.CRITICAL_FINDING, "exit " + code + ": " + err + stdout);
        assertTrue(stdout.contains("epoch   2/2"), stdout);
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"conv1d\"") && config.contains("\"globalpool\"") && config.contains("\"sequence\""),
                config);
        assertTrue(Files.isRegularFile(run.resolve("report.json")));
        assertTrue(Files.isRegularFile(run.resolve("metrics.csv")));
    }

    @Test
    void imageLayersOnSequenceDataAreAnInvalidInputNamingTheLayer() throws Exception {
        Path csv = series(10, 16);
        int code = CollapseLabCommand.run("train", "--data", csv.toString(), "--set", "data.kind=sequence",
                "--set", "model.layers[1]={\"type\":\"pool\",\"size\":2}", "--out", dir.resolve("run").toString());
        assertEquals(ExitCodes.INVALID_INPUT, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("model.layers[1].type"), err.toString(StandardCharsets.UTF_8));
    }

    private Path series(int rows, int length) throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < length; t++) {
            csv.append("t").append(t).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < rows; i++) {
            boolean burst = i % 2 == 0;
            for (int t = 0; t < length; t++) {
                double v = random.nextGaussian() * 0.3 + (burst && t >= 8 && t < 13 ? 3 : 0);
                csv.append(String.format(Locale.ROOT, "%.3f,", v));
            }
            csv.append(burst ? "burst" : "flat").append('\n');
        }
        return Files.writeString(dir.resolve("series.csv"), csv);
    }
}
