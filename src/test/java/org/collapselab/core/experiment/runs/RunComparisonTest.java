package org.collapselab.core.experiment.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.testsupport.RunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare: the model of 2-8 runs and its HTML and CSV exports. */
class RunComparisonTest {

    private static List<RunSummary> threeRuns(Path dir) throws Exception {
        Path base = RunFolders.completed(dir.resolve("baseline"), RunFolders.config("training.learningRate=0.001"), 3, 8,
                "class-imbalance", "lr-too-high");
        Path weighted = RunFolders.completed(dir.resolve("weighted"), RunFolders.config("training.learningRate=0.001",
                "data.balance=class-weights"), 3, 10, "class-imbalance");
        Path collapsed = RunFolders.completed(dir.resolve("collapsed"), RunFolders.config("training.learningRate=0.1"), 2, 0,
                "class-imbalance", "lr-too-high", "one-class");
        return List.of(RunIndex.read(base), RunIndex.read(weighted), RunIndex.read(collapsed));
    }

    @Test
    void comparisonHoldsCurvesConfigDiffConfusionsDeltasAndFindingChanges(@TempDir Path dir) throws Exception {
        RunComparison c = RunComparison.of(threeRuns(dir));

        assertEquals(List.of("baseline", "weighted", "collapsed"), c.runNames());
        assertArrayEquals(new int[]{1, 2, 3}, c.curves().get(0).epochs());
        assertEquals(2, c.curves().get(2).balancedAccuracy().length);
        assertEquals(1.2 / 3, c.curves().get(0).validationLoss()[2], 1e-12);

        assertEquals(List.of("data.balance", "training.learningRate"), c.configDiff().stream().map(RunComparison.ConfigDiffRow::path).toList());
        assertEquals(List.of("none", "class-weights", "none"), c.configDiff().get(0).values());
        assertEquals(List.of("0.001", "0.001", "0.1"), c.configDiff().get(1).values());

        RunComparison.NormalisedConfusion collapsed = c.confusions().get(2);
        assertArrayEquals(new double[]{1.0, 0.0}, collapsed.shares()[0], 1e-12);
        assertArrayEquals(new double[]{1.0, 0.0}, collapsed.shares()[1], 1e-12, "every dog predicted as cat");
        assertArrayEquals(new double[]{0.2, 0.8}, c.confusions().get(0).shares()[1], 1e-12);

        RunComparison.MetricRow balanced = c.metrics().stream().filter(m -> m.metric().equals("balanced accuracy")).findFirst().orElseThrow();
        assertArrayEquals(new double[]{0.9, 1.0, 0.5}, balanced.values(), 1e-12);
        assertArrayEquals(new double[]{0.0, 0.1, -0.4}, balanced.deltas(), 1e-12);

        List<String> changes = c.findingChanges().stream().map(f -> f.run() + " " + f.change().label() + " " + f.findingId()).toList();
        assertEquals(List.of("weighted disappeared lr-too-high", "collapsed appeared one-class"), changes);
    }

    @Test
    void compareTakesTwoToEightRuns(@TempDir Path dir) throws Exception {
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            runs.add(RunIndex.read(RunFolders.completed(dir.resolve("r" + i), RunFolders.config(), 1, i)));
        }
        assertThrows(IllegalArgumentException.class, () -> RunComparison.of(runs.subList(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> RunComparison.of(runs));
        assertEquals(8, RunComparison.of(runs.subList(0, 8)).runNames().size());
        assertEquals(List.of(), RunComparison.of(runs.subList(0, 2)).configDiff(), "same config: empty diff");
    }

    @Test
    void aRunKilledBeforeItsFirstEpochCanStillBeCompared(@TempDir Path dir) throws Exception {
        Path good = RunFolders.completed(dir.resolve("good"), RunFolders.config(), 2, 9);
        Path killed = Files.createDirectories(dir.resolve("killed"));
        ConfigCodec.write(RunFolders.config("training.batchSize=8"), killed.resolve(RunRecorder.CONFIG_FILE));
        RunComparison c = RunComparison.of(List.of(RunIndex.read(good), RunIndex.read(killed)));
        assertNull(c.confusions().get(1));
        assertEquals(0, c.curves().get(1).epochs().length);
        assertTrue(Double.isNaN(c.metrics().get(0).deltas()[1]));
        String html = ComparisonHtmlWriter.render(c);
        assertTrue(html.contains("ended before its first epoch"));
    }

    @Test
    void htmlIsSelfContainedWithOneChartPerCurveALegendByRunNameAndEscapedText(@TempDir Path dir) throws Exception {
        List<RunSummary> runs = new ArrayList<>(threeRuns(dir));
        Path evil = RunFolders.completed(dir.resolve("<script>alert(1)<"), RunFolders.config("training.learningRate=0.01"), 2, 5);
        runs.add(RunIndex.read(evil));
        RunComparison c = RunComparison.of(runs);

        String html = ComparisonHtmlWriter.render(c);

        assertEquals(3, count(html, "<svg "), "loss, validation loss, balanced accuracy");
        for (String title : List.of("Training loss", "Validation loss", "Balanced accuracy")) {
            assertTrue(html.contains(">" + title + "</text>"), title);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(3, count(html, "stroke=\"" + RunColours.of(i) + "\""), "one line per chart for run " + i);
        }
        assertTrue(html.contains(">baseline</text>") && html.contains(">weighted</text>") && html.contains(">collapsed</text>"),
                "legend by run name");
        assertFalse(html.contains("<script"), "run names are escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;"));
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no external resources");
        assertTrue(html.contains("class-weights"));
        assertTrue(html.contains("-0.4000"), "delta of the collapsed run's balanced accuracy");
        assertTrue(html.contains(">100%<"), "row-normalised cells");

        Path file = dir.resolve("out").resolve("compare.html");
        ComparisonHtmlWriter.write(c, file);
        assertEquals(html, Files.readString(file));
    }

    @Test
    void csvNeutralisesFormulasAndWritesNumbersTheSameInEveryLocale(@TempDir Path dir) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // decimal comma: numbers must not follow it
        try {
            Path base = RunFolders.completed(dir.resolve("base"), RunFolders.config("training.learningRate=0.001"), 2, 8);
            Path evil = RunFolders.completed(dir.resolve("=HYPERLINK(\"http:x\",\"y\")"),
                    RunFolders.config("training.learningRate=0.01"), 2, 3);
            List<RunSummary> runs = List.of(RunIndex.read(base), RunIndex.read(evil));
            RunComparison c = RunComparison.of(runs);

            String csv = ComparisonCsvWriter.render(c, runs.stream().map(RunSummary::folder).toList());

            List<String> lines = csv.lines().toList();
            assertEquals(ComparisonCsvWriter.HEADER, lines.get(0));
            for (String line : lines) {
                for (String cell : cells(line)) {
                    assertFalse(!cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0, "formula cell " + cell + " in " + line);
                    assertFalse(cell.startsWith("-") && !cell.matches("-[0-9.eE+-]+"), "text starting with - in " + line);
                }
            }
            assertTrue(csv.contains("\"'=HYPERLINK(\"\"http:x\"\",\"\"y\"\")\""), csv);
            assertTrue(csv.contains("metric,base,"), csv);
            String balancedDelta = lines.stream().filter(l -> l.startsWith("metric,\"'=HYPERLINK") && l.contains("balanced accuracy"))
                    .findFirst().orElseThrow();
            assertTrue(balancedDelta.endsWith(",0.65,-0.25"), "a negative difference stays a number: " + balancedDelta);
            assertTrue(csv.contains("config,base,") && csv.contains(",training.learningRate,,0.001,"), csv);
            assertTrue(csv.contains("confusion,base,") && csv.contains(",dog -> dog,,0.8,"), csv);
            assertFalse(csv.contains("0,8"), "no decimal comma");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void csvCellsAreQuotedAndNeutralised() {
        assertEquals("'=1+2", ComparisonCsvWriter.cell("=1+2"));
        assertEquals("'-2+3", ComparisonCsvWriter.cell("-2+3"));
        assertEquals("'@x", ComparisonCsvWriter.cell("@x"));
        assertEquals("\"a,b\"", ComparisonCsvWriter.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ComparisonCsvWriter.cell("say \"hi\""));
        assertEquals("plain", ComparisonCsvWriter.cell("plain"));
        assertEquals("0.001", ComparisonCsvWriter.number(0.001));
        assertEquals("-0.25", ComparisonCsvWriter.number(-0.25));
        assertEquals("3", ComparisonCsvWriter.number(3));
        assertEquals("", ComparisonCsvWriter.number(Double.NaN));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Splits one RFC 4180 line into unquoted cell values. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
