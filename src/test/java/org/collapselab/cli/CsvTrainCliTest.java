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

    @Test
    void foldsOnACsvFileValidateEveryRowOnceAndReportTheSpreadInReportJsonAndOnTheConsole() throws Exception {
        Random random = new Random(5);
        StringBuilder rows = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 60; i++) {
            boolean yes = i % 3 == 0;
            rows.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", (yes ? 2 : -2) + random.nextGaussian(),
                    random.nextGaussian() * 50, yes ? "yes" : "no"));
        }
        Path csv = Files.writeString(dir.resolve("rows.csv"), rows);
        Path run = dir.resolve("run");
        int code = CollapseLabCommand.run("train", "--data", csv.toString(), "--set", "data.folds=3", "--epochs", "2",
                "--out", run.toString());
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertTrue(code == ExitCodes.OK || code == ExitCodes.CRITICAL_FINDING, "exit " + code + ": " + err + stdout);
        assertTrue(stdout.contains("3-fold cross-validation: balanced accuracy "), stdout);
        // 60 rows in 3 stratified folds: each validates 20 rows (20 "yes" spread 7/7/6) and trains on the other 40.
        for (int fold = 1; fold <= 3; fold++) {
            assertTrue(stdout.contains("fold " + fold + ": 40 training, 20 validation rows, 2 epochs"), stdout);
        }
        com.fasterxml.jackson.databind.JsonNode cv = org.collapselab.core.util.Json.MAPPER
                .readTree(run.resolve("report.json").toFile()).path("final").path("crossValidation");
        assertEquals(3, cv.path("folds").asInt(), cv.toString());
        assertEquals(3, cv.path("results").size(), cv.toString());
        double mean = 0;
        for (com.fasterxml.jackson.databind.JsonNode fold : cv.path("results")) {
            mean += fold.path("balancedAccuracy").asDouble() / 3;
        }
        assertEquals(mean, cv.path("balancedAccuracy").path("mean").asDouble(), 1e-9, cv.toString());
        assertTrue(cv.path("balancedAccuracy").has("std"), cv.toString());
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
