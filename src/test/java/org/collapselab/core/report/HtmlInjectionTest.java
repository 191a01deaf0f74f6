package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.Test;

/** Every text a user or a shared run folder controls is escaped in the HTML report, in text and in attributes. */
class HtmlInjectionTest {
    private static String hostile(String where) {
        return "<script>alert('" + where + "')</script>\"><img src=x onerror=alert(1)>";
    }

    @Test
    void everyFreeTextIsEscaped() throws Exception {
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of());
        config = new ExperimentConfig(hostile("run name"), config.data(), config.model(), config.training());
        ConfusionMatrix confusion = new ConfusionMatrix(List.of(hostile("class a"), hostile("class b")),
                new int[][]{{10, 0}, {10, 0}});
        EpochMetrics epoch = new EpochMetrics(1, 0.7, 0.7, 0.5, 0.5, 0.5, 0.33, 1.0, 0.5, 1.0, confusion);
        Finding finding = new Finding(hostile("id"), Severity.CRITICAL, 1, hostile("title"), hostile("explanation"),
                new Evidence(1, 2, hostile("source")), new Fix(hostile("fix"), Map.of(hostile("key"), hostile("value")), null));
        RunReport report = new RunReport(RunReport.SCHEMA, RunStatus.FAILED, hostile("message"),
                new RunReport.DatasetSection(hostile("path"), confusion.labels(),
                        Map.of(hostile("count key"), 3), 10, 10,
                        List.of(new RunReport.SkippedEntry(hostile("file"), hostile("reason")))),
                config, new BackendInfo(hostile("device"), hostile("backend"), hostile("blas"), hostile("description")),
                List.of(RunReport.EpochReport.of(epoch)), RunReport.FinalSection.of(epoch),
                new CollapseVerdict(true, 1, hostile("dominant")), List.of(finding));
        ChartData line = ChartData.line("c", hostile("chart"), hostile("x"), hostile("y"))
                .series(hostile("series"), new double[]{1, 2}, new double[]{1, 2})
                .marker(hostile("x marker"), ChartData.Axis.X, 1.5).marker(hostile("y marker"), ChartData.Axis.Y, 1.5)
                .build();
        ChartData bars = ChartData.bar("b", hostile("bars"), "class", "share")
                .series("share", List.of(ChartData.Point.bar(hostile("bar"), 0.5))).build();
        StepsReport steps = new StepsReport(StepsReport.SCHEMA, List.of(new StepsReport.Step(1, "s", hostile("step"),
                Phase.TRAINING, true, CheckState.FAILED, 1, hostile("note"), List.of(), List.of(line, bars))));

        String html = HtmlReportWriter.render(report, steps);

        assertFalse(html.contains("<script"), "a script tag got through");
        assertFalse(html.contains("<img"), "an img tag got through");
        assertFalse(html.contains("onerror=alert(1)>"), "an attribute got through");
        int escaped = html.split("&lt;script&gt;", -1).length - 1;
        System.out.println("escaped script tags: " + escaped);
        for (String where : List.of("run name", "message", "class a", "id", "title", "explanation", "source", "fix",
                "path", "file", "reason", "device", "dominant", "chart", "series", "x marker", "y marker", "bar", "step",
                "note")) {
            assertTrue(html.contains("&lt;script&gt;alert(&#39;" + where + "&#39;)&lt;/script&gt;&quot;&gt;&lt;img"),
                    "escaped: " + where);
        }
        assertEquals(0, html.split("<script", -1).length - 1);
    }
}
