package org.collapselab.core.diagnostics.checks;

import static org.collapselab.core.diagnostics.checks.Facts.bars;
import static org.collapselab.core.diagnostics.checks.Facts.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.Json;
import org.collapselab.testsupport.CatalogAssertions;
import org.collapselab.testsupport.FakeTrialRunner;
import org.junit.jupiter.api.Test;

/** The chart data the checks publish into their step results: plain data, no DL4J, no JavaFX. */
class ChartDataTest {
    private static StepResult runStep(DiagnosticSession session, String id) {
        for (int i = 0; i < session.size(); i++) {
            if (session.checks().get(i).id().equals(id)) {
                StepResult result = session.run(i, CancellationToken.none());
                CatalogAssertions.declaredAndCited(session.checks().get(i), result.findings());
                return result;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private static DiagnosticSession session(ExperimentConfig config, ImageDataset data) {
        return session(config, data, new FakeTrialRunner());
    }

    private static DiagnosticSession session(ExperimentConfig config, ImageDataset data, FakeTrialRunner trials) {
        DiagnosticContext ctx = DiagnosticContext.builder(config, data).trials(trials).build();
        return new DiagnosticSession(List.of(new LearningRateRangeCheck(), new LearningCurveCheck(),
                new ClassImbalanceCheck(), new ShortcutProbeCheck(), new LabelShuffleCheck()), ctx);
    }

    @Test
    void lrRangeTestChartsLossAgainstALogLearningRateWithTheSuggestionMarked() throws Exception {
        DiagnosticSession session = session(config("training.learningRate=0.5"), bars(30, 30, 30));
        StepResult step = runStep(session, "lr-range-test");
        assertEquals(CheckState.FOUND, step.state(), "0.5 is far above the suggestion");
        assertEquals(1, step.charts().size());
        ChartData chart = step.charts().get(0);
        assertEquals(ChartData.Kind.LINE, chart.kind());
        assertTrue(chart.logX());
        assertEquals(LearningRateRangeCheck.ITERATIONS, chart.series("loss").points().size());
        assertEquals(LearningRateRangeCheck.ITERATIONS, chart.series("smoothed loss").points().size());
        assertEquals(1e-6, chart.series("loss").points().get(0).x(), 1e-12);
        ChartData.Marker suggested = chart.markers().stream().filter(m -> m.label().startsWith("suggested"))
                .findFirst().orElseThrow();
        assertEquals(ChartData.Axis.X, suggested.axis());
        assertEquals(step.findings().get(0).evidence().threshold() / LearningRateRangeCheck.HIGH_FACTOR,
                suggested.value(), 1e-12, "the marker is the suggestion the finding compares with");
        assertTrue(suggested.value() > 1e-4 && suggested.value() < 1e-2, "a tenth of the minimum near 1e-2");
        assertNotNull(chart.marker("your rate 0.5"));
    }

    @Test
    void aRateFoundTooHighIsLoweredEvenWhenItIsAlreadyTheUsualOne() throws Exception {
        // Adam's usual 1e-3, but this loss is lowest near 2e-4: the shared fix (1e-3) would change nothing.
        DiagnosticSession session = session(config("training.learningRate=0.001"), bars(30, 30, 30),
                new FakeTrialRunner().lossMinimumAt(2.2e-4));
        StepResult step = runStep(session, "lr-range-test");
        assertEquals("learning-rate-too-high", step.findings().get(0).id());
        double suggestion = step.findings().get(0).evidence().threshold() / LearningRateRangeCheck.HIGH_FACTOR;
        double fixed = ((Number) step.findings().get(0).fix().set().get("training.learningRate")).doubleValue();
        assertTrue(fixed < 1e-3, "the fix lowers the rate: " + fixed + " (suggestion " + suggestion + ")");
        assertEquals(Fixes.round(suggestion), fixed, 1e-15, "to the measured suggestion");
        assertTrue(Double.toString(fixed).matches("\\d\\.0E-\\d+"), "one significant digit, as shown: " + fixed);
    }

    @Test
    void learningCurveChartsBalancedAccuracyAgainstThePercentageOfData() throws Exception {
        DiagnosticSession session = session(config(), bars(30, 30, 30));
        StepResult step = runStep(session, "learning-curve");
        ChartData chart = step.charts().get(0);
        assertEquals(ChartData.Kind.LINE, chart.kind());
        List<ChartData.Point> points = chart.series("balanced accuracy").points();
        assertEquals(List.of(10.0, 25.0, 50.0, 100.0), points.stream().map(ChartData.Point::x).toList());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).y() >= points.get(i - 1).y(), "more images, more accuracy in the fake: " + points);
        }
        assertEquals(1.0 / 3, chart.markers().get(0).value(), 1e-12, "chance level");
    }

    @Test
    void dataChecksChartTheClassHistogramAndTheProbesAgainstTheBaseline() throws Exception {
        DiagnosticSession session = session(config(), bars(60, 6, 6));
        ChartData histogram = runStep(session, "class-imbalance").charts().get(0);
        assertEquals(ChartData.Kind.BAR, histogram.kind());
        assertEquals(List.of("horizontal", "vertical", "diagonal"),
                histogram.series("images").points().stream().map(ChartData.Point::category).toList());
        assertEquals(List.of(60.0, 6.0, 6.0), histogram.series("images").points().stream().map(ChartData.Point::y).toList());
        ChartData probes = runStep(session, "spurious-feature").charts().get(0);
        assertEquals(7, probes.series("probe accuracy").points().size());
        assertTrue(probes.markers().get(0).label().startsWith("majority baseline"));
        ChartData shuffle = runStep(session, "label-shuffle").charts().get(0);
        assertEquals(List.of("real labels", "shuffled labels"),
                shuffle.series("balanced accuracy").points().stream().map(ChartData.Point::category).toList());
    }

    @Test
    void theWalkthroughReportCarriesTheChartsAndTheHtmlDrawsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        DiagnosticSession session = session(config("training.learningRate=0.5"), bars(60, 6, 6));
        runStep(session, "class-imbalance");
        runStep(session, "lr-range-test");
        StepsReport report = StepsReport.of(session);
        report.write(dir);
        StepsReport back = StepsReport.read(dir);
        assertEquals(report, back);
        StepsReport.Step lr = back.steps().stream().filter(s -> s.id().equals("lr-range-test")).findFirst().orElseThrow();
        assertEquals(CheckState.FOUND, lr.state());
        assertEquals("lr-range", lr.charts().get(0).id());
        String html = org.collapselab.core.report.HtmlReportWriter.render(new org.collapselab.core.report.RunReport(1,
                org.collapselab.core.training.RunStatus.COMPLETED, null, null, null, null, List.of(), null, null, List.of()),
                back);
        assertTrue(html.contains("Diagnostic walkthrough"));
        assertTrue(html.contains("Learning-rate range test") && html.contains("Images per class"), "both charts drawn");
        assertTrue(html.contains("1e-6"), "log axis labelled in powers of ten");
    }

    @Test
    void chartsSurviveAJsonRoundTrip() throws Exception {
        DiagnosticSession session = session(config("training.learningRate=0.5"), bars(30, 30, 30));
        StepResult step = runStep(session, "lr-range-test");
        String json = Json.MAPPER.writeValueAsString(step);
        StepResult back = Json.MAPPER.readValue(json, StepResult.class);
        assertEquals(step.charts(), back.charts());
        assertTrue(json.contains("\"logX\" : true"), json.substring(0, Math.min(400, json.length())));
    }
}
