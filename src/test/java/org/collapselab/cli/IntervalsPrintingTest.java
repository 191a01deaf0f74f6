package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.junit.jupiter.api.Test;

/** train's summary: each metric with its 95% interval, the k-fold spread, and inconclusive findings marked. */
class IntervalsPrintingTest {

    @Test
    void theSummaryPrintsIntervalsFoldsAndInconclusiveFindings() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"), new int[][] {{8, 2}, {3, 7}});
        EpochMetrics last = new EpochMetrics(1, 0.5, 0.6, 0.8, m.accuracy(), m.balancedAccuracy(), m.macroF1(),
                m.predictionShare(), m.majorityBaseline(), 1, m);
        TrainingResult result = new TrainingResult(RunStatus.COMPLETED, List.of(last), CollapseVerdict.of(List.of(last)),
                null, null, List.of(), List.of(), 1);
        CrossValidation cv = CrossValidation.of(List.of(new CrossValidation.Fold(1, 16, 4, 1, "completed", 0.75, 0.75, 0.7),
                new CrossValidation.Fold(2, 16, 4, 1, "completed", 0.5, 0.5, 0.4)));
        Finding inconclusive = new Finding("still-improving", Severity.WARNING, 1, "Still falling", "e",
                new Evidence(0.2, 0.05, "s"), null).asInconclusive("the validation split is too small to measure this");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Printing.summary(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new RunOutcome(result, null, null, List.of(inconclusive), cv));
        String out = bytes.toString(StandardCharsets.UTF_8);

        MetricIntervals ci = MetricIntervals.of(m);
        assertTrue(out.contains("Validation accuracy 0.750 (95% interval " + ci.accuracy().decimals() + ")"), out);
        assertTrue(out.contains("balanced accuracy 0.750 (" + ci.balancedAccuracy().decimals() + ")"), out);
        assertTrue(out.contains("bootstrap of 1000 resamples of the 20 validation images"), out);
        assertTrue(out.contains("2-fold cross-validation: balanced accuracy 0.63 ± 0.18 (0.50–0.75)"), out);
        assertTrue(out.contains("fold 2: 16 training, 4 validation images"), out);
        assertTrue(out.contains("still-improving [INFO, INCONCLUSIVE]"), out);
        assertTrue(out.contains("inconclusive: the validation split is too small to measure this (would be warning)"), out);
    }
}
