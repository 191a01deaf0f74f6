package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void gridChartsAreDrawnAsCellsNotAsLines() {
        org.collapselab.core.diagnostics.ChartData heat = org.collapselab.core.diagnostics.ChartData.grid("looks",
                        org.collapselab.core.diagnostics.ChartData.Kind.HEAT_GRID, "Where it looks", "drop")
                .panel("<circle>", new double[]{1, 0, 0, -0.5}).build();
        String svg = HtmlReportWriter.svg(heat);
        assertEquals(4 + 1, count(svg, "<rect"), "four cells and the panel's frame: " + svg);
        assertTrue(svg.contains("rgba(224,48,32,1.00)"), "the peak cell in full red");
        assertTrue(svg.contains("rgba(32,96,224,0.50)"), "the negative cell half blue");
        assertTrue(svg.contains("&lt;circle&gt;"), "the panel name escaped");
        assertFalse(svg.contains("<polyline"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void classAndFileNamesAreEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(evil, 3);
        counts.put("ok", 4);
        RunReport report = new RunReport(1, RunStatus.COMPLETED, null,
                new RunReport.DatasetSection("/data", List.of(evil, "ok"), counts, 5, 2,
                        List.of(new RunReport.SkippedEntry("/data/" + evil + "/x.txt", "not an image"))),
                ConfigCodec.defaults(), null,
                List.of(new RunReport.EpochReport(1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 1)),
                new RunReport.FinalSection(0.5, 0.5, 0.5, 0.5, 1.0, List.of(evil),
                        new RunReport.ConfusionSection(List.of(evil, "ok"), new int[][]{{1, 0}, {1, 0}})),
                new CollapseVerdict(true, 1, evil), List.of());
        String html = HtmlReportWriter.render(report);
        assertFalse(html.contains("<img"), "raw tag in the report");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<script"), "the report runs no script");
    }

    private static RunReport threeEpochs() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("circles", 90);
        counts.put("squares", 10);
        return new RunReport(1, RunStatus.COMPLETED, null,
                new RunReport.DatasetSection("/data", List.of("circles", "squares"), counts, 80, 20, List.of()),
                ConfigCodec.defaults(), null,
                List.of(new RunReport.EpochReport(1, 1.2, 1.1, 0.80, 0.85, 0.50, 0.46, 1.0, 2.5),
                        new RunReport.EpochReport(2, 0.9, 0.8, 0.85, 0.90, 0.60, 0.55, 0.9, 2.0),
                        new RunReport.EpochReport(3, 0.5, 0.6, 0.90, 0.90, 0.70, 0.66, 0.8, 1.5)),
                // 18 circles: 16 right, 2 called squares; 2 squares: 1 right, 1 called a circle.
                new RunReport.FinalSection(0.85, 0.694, 0.66, 0.9, 0.85, List.of(),
                        new RunReport.ConfusionSection(List.of("circles", "squares"), new int[][]{{16, 2}, {1, 1}})),
                new CollapseVerdict(false, 0, null), List.of());
    }

    @Test
    void reportStatesDateDurationAndPerClassPrecisionAndRecall() {
        String html = HtmlReportWriter.render(threeEpochs(), null, null, Instant.parse("2026-03-01T10:15:00Z"));

        assertTrue(html.contains("Date: 2026-03-01"), "date");
        assertTrue(html.contains("Duration: 6.0 s of training over 3 epochs"), "sum of the epochs' times");
        // circles: precision 16/17, recall 16/18; squares: precision 1/3, recall 1/2.
        assertTrue(html.contains("<td class=l>circles</td><td>18</td><td>17</td><td>0.941</td><td>0.889</td>"), html);
        assertTrue(html.contains("<td class=l>squares</td><td>2</td><td>3</td><td>0.333</td><td>0.500</td>"), html);
    }

    @Test
    void learningCurvesHaveTicksEpochAxisAndLegendsBesideThePlot() {
        String html = HtmlReportWriter.render(threeEpochs());
        List<String> charts = all(Pattern.compile("<svg.*?</svg>"), html, 0);
        String loss = charts.get(0);
        String accuracy = charts.get(1);

        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), all(YTICK, accuracy, 1), "accuracy spans 0–1");
        assertEquals(List.of("1", "2", "3"), all(XTICK, accuracy, 1), "one tick per epoch");
        assertTrue(all(YTICK, loss, 1).size() >= 3, "the loss axis has ticks");
        for (String chart : charts) {
            for (String x : all(Pattern.compile("class=\"legend\" x=\"(\\d+)\""), chart, 1)) {
                assertTrue(Integer.parseInt(x) > HtmlReportWriter.CHART_PLOT_RIGHT, "legend right of the plot: " + x);
            }
            for (String points : all(Pattern.compile("points=\"([^\"]*)\""), chart, 1)) {
                for (String point : points.trim().split(" ")) {
                    assertTrue(Double.parseDouble(point.split(",")[0]) <= HtmlReportWriter.CHART_PLOT_RIGHT, "curve in the plot");
                }
            }
        }
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertArrayEquals(new double[]{100, 110, 120, 130}, HtmlReportWriter.ticks(101, 130), 1e-9);
        assertArrayEquals(new double[]{0, 0.2, 0.4, 0.6, 0.8, 1.0}, HtmlReportWriter.ticks(0, 1), 1e-9);
    }

    private static final Pattern YTICK = Pattern.compile("class=\"ytick\"[^>]*>([^<]*)<");
    private static final Pattern XTICK = Pattern.compile("class=\"xtick\"[^>]*>([^<]*)<");

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    @Test
    void rankedFindingsShowWhyEachHoldsItsPlaceAndTheChainUnderTheRoot() {
        List<org.collapselab.core.diagnostics.Finding> ranked = org.collapselab.core.diagnostics.CauseRanker.arrange(
                List.of(finding("collapsed-predictions"), finding("dead-relu"), finding("learning-rate-too-high")),
                java.util.Map.of());
        String html = HtmlReportWriter.render(threeEpochs().withFindings(ranked));

        assertTrue(html.contains(org.collapselab.core.diagnostics.CauseRanker.RULE), "the ranking rule is stated");
        assertTrue(html.contains("<b>Why #1:</b> No config change to try"), html);
        int root = html.indexOf("#1 <code>learning-rate-too-high</code>");
        int dead = html.indexOf("→ explained by <code>learning-rate-too-high</code>: <code>dead-relu</code>");
        int collapse = html.indexOf("→ explained by <code>dead-relu</code>: <code>collapsed-predictions</code>");
        assertTrue(root >= 0 && dead > root && collapse > dead, "root first, then its chain:\n" + html);
        assertFalse(html.contains("#2 "), "one entry");
    }

    private static org.collapselab.core.diagnostics.Finding finding(String id) {
        return new org.collapselab.core.diagnostics.Finding(id, org.collapselab.core.diagnostics.Severity.CRITICAL, 0,
                id + " title", "because", null, null);
    }
}
