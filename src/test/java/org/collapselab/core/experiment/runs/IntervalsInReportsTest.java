package org.collapselab.core.experiment.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.util.Json;
import org.collapselab.testsupport.RunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 95% intervals where a run's final metrics are read: report.json, the runs table, the HTML reports. */
class IntervalsInReportsTest {

    @Test
    void reportJsonHoldsLowAndHighNextToEachFinalMetric(@TempDir Path dir) throws Exception {
        Path run = RunFolders.completed(dir.resolve("run"), RunFolders.config(), 3, 7);
        JsonNode fin = Json.MAPPER.readTree(run.resolve(RunReport.FILE).toFile()).path("final");
        List<String> names = new ArrayList<>();
        fin.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("validationAccuracy", "validationAccuracyLow", "validationAccuracyHigh", "balancedAccuracy",
                "balancedAccuracyLow", "balancedAccuracyHigh", "macroF1", "macroF1Low", "macroF1High",
                "bootstrapResamples"), names.subList(0, 10));
        // 10 cats right, 7 of 10 dogs: 17 of 20 correct; Wilson's interval computed from those counts.
        MetricIntervals.Interval wilson = MetricIntervals.wilson(17, 20);
        assertEquals(wilson.low(), fin.path("validationAccuracyLow").asDouble(), 1e-12);
        assertEquals(wilson.high(), fin.path("validationAccuracyHigh").asDouble(), 1e-12);
        assertTrue(fin.path("balancedAccuracyLow").asDouble() < 0.85 && 0.85 < fin.path("balancedAccuracyHigh").asDouble());
        assertEquals(MetricIntervals.RESAMPLES, fin.path("bootstrapResamples").asInt());
    }

    @Test
    void theRunsTableAndItsCacheCarryTheBalancedInterval(@TempDir Path dir) throws Exception {
        RunFolders.completed(dir.resolve("run"), RunFolders.config(), 3, 7);
        RunSummary row = RunIndex.read(dir.resolve("run"));
        MetricIntervals expected = MetricIntervals.of(new ConfusionMatrix(RunFolders.CLASSES, new int[][]{{10, 0}, {3, 7}}));
        assertEquals(expected.balancedAccuracy(), row.balancedAccuracyInterval());
        RunIndexCache.Row cached = RunIndexCache.Row.of(row, List.of(1L, 2L));
        String json = Json.MAPPER.writeValueAsString(cached);
        RunSummary back = Json.MAPPER.readValue(json, RunIndexCache.Row.class).toSummary(row.folder(), row.name());
        assertEquals(expected.balancedAccuracy(), back.balancedAccuracyInterval());
    }

    @Test
    void olderReportsWithoutIntervalsReadWithout(@TempDir Path dir) throws Exception {
        Path run = RunFolders.completed(dir.resolve("run"), RunFolders.config(), 2, 5);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(run.resolve(RunReport.FILE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("final")).remove(List.of("validationAccuracyLow",
                "validationAccuracyHigh", "balancedAccuracyLow", "balancedAccuracyHigh", "macroF1Low", "macroF1High",
                "bootstrapResamples"));
        Files.writeString(run.resolve(RunReport.FILE), tree.toString());
        assertNull(RunReport.read(run).finalResult().balancedAccuracyInterval());
        assertNull(RunIndex.read(run).balancedAccuracyInterval());
    }

    @Test
    void htmlReportsShowTheIntervalAndCompareDrawsErrorBars(@TempDir Path dir) throws Exception {
        Path a = RunFolders.completed(dir.resolve("a"), RunFolders.config(), 3, 7);
        Path b = RunFolders.completed(dir.resolve("b"), RunFolders.config("training.epochs=4"), 4, 9);
        RunReport report = RunReport.read(a);
        String html = HtmlReportWriter.render(report);
        assertTrue(html.contains("95% interval"), html);
        assertTrue(html.contains(report.finalResult().balancedAccuracyInterval().decimals()), html);
        RunComparison comparison = RunComparison.of(List.of(RunIndex.read(a), RunIndex.read(b)));
        assertNotNull(comparison.curves().get(0).finalBalancedInterval());
        Path out = dir.resolve("compare.html");
        ComparisonHtmlWriter.write(comparison, out);
        String compare = Files.readString(out);
        assertEquals(2, compare.split("class=\"error-bar\"", -1).length - 1, "one error bar per run");
    }
}
