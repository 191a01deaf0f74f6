package org.collapselab.core.diagnostics.checks;

import static org.collapselab.core.diagnostics.checks.Facts.bars;
import static org.collapselab.core.diagnostics.checks.Facts.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.CatalogAssertions;
import org.collapselab.testsupport.FakeTrialRunner;
import org.collapselab.testsupport.FakeTrialRunner.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The active checks (initial loss, small-batch overfit, zeroed input, capacity) on a fake trial runner: each
 * reports its finding when the trials show the failure and stays quiet when they do not.
 */
class ActiveChecksTest {
    private static final ImageDataset BALANCED = bars(30, 30, 30);

    private static List<Finding> run(DiagnosticCheck check, DiagnosticContext ctx) {
        assertNull(check.notApplicable(ctx), check.id() + " should apply here");
        List<Finding> findings = check.run(ctx, ProgressObserver.NONE, CancellationToken.none());
        CatalogAssertions.declaredAndCited(check, findings);
        return findings;
    }

    private static DiagnosticContext ctx(ExperimentConfig config, FakeTrialRunner trials) {
        return DiagnosticContext.builder(config, BALANCED).trials(trials).build();
    }

    private static Finding single(List<Finding> findings, String id, Severity severity) {
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(id, findings.get(0).id());
        assertEquals(severity, findings.get(0).severity());
        return findings.get(0);
    }

    @Test
    void activeChecksNeedATrialRunner() throws Exception {
        DiagnosticContext none = DiagnosticContext.builder(config(), BALANCED).build();
        for (DiagnosticCheck check : List.of(new InitialLossCheck(), new OverfitSmallBatchCheck(), new ZeroedInputCheck(),
                new CapacityCheck())) {
            assertTrue(check.active());
            assertEquals("experiments are not available here", check.notApplicable(none), check.id());
        }
    }

    @Test
    void initialLossNearLnCPassesAndChartsIt() throws Exception {
        DiagnosticContext ctx = ctx(config(), new FakeTrialRunner());
        assertTrue(run(new InitialLossCheck(), ctx).isEmpty(), "ln 3 is the uniform guess");
        assertEquals(Math.log(3), ctx.charts("initial-loss").get(0).series("loss").points().get(0).y(), 1e-12);
    }

    @Test
    void initialLossFarAboveLnCIsAWarningAndNotANumberIsCritical() throws Exception {
        double threshold = (1 + InitialLossCheck.RELATIVE_TOLERANCE) * Math.log(3);
        Finding high = single(run(new InitialLossCheck(), ctx(config(), new FakeTrialRunner().initialLoss(threshold + 0.1))),
                "initial-loss-off", Severity.WARNING);
        assertEquals(threshold + 0.1, high.evidence().measured(), 1e-12);
        assertEquals(Math.log(3), high.evidence().threshold(), 1e-12);
        assertNull(high.fix(), "softmax with mcxent is already the right pairing");
        assertTrue(run(new InitialLossCheck(), ctx(config(), new FakeTrialRunner().initialLoss(threshold - 0.1))).isEmpty(),
                "just inside the tolerance");
        single(run(new InitialLossCheck(), ctx(config(), new FakeTrialRunner().initialLoss(Double.NaN))),
                "initial-loss-off", Severity.CRITICAL);
    }

    @Test
    void initialLossOffWithAWrongOutputProposesSoftmaxAndCrossEntropy() throws Exception {
        Finding f = single(run(new InitialLossCheck(), ctx(config("model.outputActivation=identity"),
                new FakeTrialRunner().initialLoss(20))), "initial-loss-off", Severity.WARNING);
        assertEquals(Map.of("model.outputActivation", "softmax", "model.loss", "mcxent"), f.fix().set());
        assertNotNull(new InitialLossCheck().notApplicable(ctx(config("model.loss=mse"), new FakeTrialRunner())),
                "ln C is the expectation for cross-entropy only");
    }

    @Test
    void aNetworkThatMemorisesTheSmallBatchPasses() throws Exception {
        FakeTrialRunner trials = new FakeTrialRunner().training(r -> new Outcome(1.0, 0.01));
        DiagnosticContext ctx = ctx(config(), trials);
        assertTrue(run(new OverfitSmallBatchCheck(), ctx).isEmpty());
        FakeTrialRunner.Request request = trials.requests().get(0);
        assertEquals(3 * OverfitSmallBatchCheck.PER_CLASS, request.train().count(), "five images of each class");
        assertEquals(request.train(), request.validation(), "judged on the batch it trained on");
        assertEquals(OverfitSmallBatchCheck.STEPS, request.config().training().epochs());
        assertEquals(request.train().count(), request.config().training().batchSize(), "full-batch steps");
        assertNotNull(ctx.charts("overfit-small-batch").get(0).series("accuracy on the batch"));
    }

    @Test
    void aNetworkThatCannotMemoriseTheSmallBatchIsFlagged() throws Exception {
        FakeTrialRunner trials = new FakeTrialRunner().training(r -> new Outcome(0.6, 1.0));
        Finding f = single(run(new OverfitSmallBatchCheck(), ctx(config(), trials)), "cannot-overfit-small-batch",
                Severity.WARNING);
        assertEquals(0.4, f.evidence().measured(), 1e-9, "the error on the batch");
        // Within the allowed error it passes.
        FakeTrialRunner borderline = new FakeTrialRunner().training(r -> new Outcome(0.97, 1));
        assertTrue(run(new OverfitSmallBatchCheck(), ctx(config(), borderline)).isEmpty());
        // Exactly at the target (19 of 20, where the trial stops): 1 - 0.95 is a hair above 0.05 in doubles.
        FakeTrialRunner atTarget = new FakeTrialRunner().training(r -> new Outcome(19 / 20.0, 1));
        assertTrue(run(new OverfitSmallBatchCheck(), ctx(config(), atTarget)).isEmpty());
    }

    @Test
    void realImagesThatTrainBetterThanBlankOnesPass() throws Exception {
        FakeTrialRunner trials = new FakeTrialRunner()
                .training(r -> new Outcome(r.blankImages() ? 0.33 : 0.8, r.blankImages() ? 1.1 : 0.5));
        assertTrue(run(new ZeroedInputCheck(), ctx(config(), trials)).isEmpty());
        assertEquals(List.of(false, true), trials.requests().stream().map(FakeTrialRunner.Request::blankImages).toList(),
                "one trial on the real images, one on blank ones");
        assertEquals(trials.requests().get(0).train().indices().length, trials.requests().get(1).train().indices().length);
    }

    @Test
    void realImagesThatTrainNoBetterThanBlankOnesMeanTheInputIsIgnored() throws Exception {
        FakeTrialRunner trials = new FakeTrialRunner().training(r -> new Outcome(0.33, r.blankImages() ? 1.1 : 1.05));
        Finding f = single(run(new ZeroedInputCheck(), ctx(config(), trials)), "ignores-input", Severity.WARNING);
        assertEquals(1 - 1.05 / 1.1, f.evidence().measured(), 1e-9, "the real images' loss advantage");
        assertEquals(ZeroedInputCheck.MARGIN, f.evidence().threshold(), 1e-12);
    }

    /** The user's monitored run, finished at {@code balancedAccuracy}. */
    private static TrainingResult userRun(double balancedAccuracy) {
        EpochMetrics m = FakeTrialRunner.epoch(BALANCED.classes(), new Outcome(balancedAccuracy, 1.0));
        return new TrainingResult(RunStatus.COMPLETED, List.of(m), CollapseVerdict.of(List.of(m)), null, null, List.of(),
                List.of(), 1);
    }

    private static DiagnosticContext afterRun(ExperimentConfig config, double userAccuracy, FakeTrialRunner trials) {
        return DiagnosticContext.builder(config, BALANCED).trials(trials).trainingResult(userRun(userAccuracy)).build();
    }

    private static FakeTrialRunner referenceReaches(double accuracy) {
        return new FakeTrialRunner().training(r -> new Outcome(r.config().name().endsWith("-reference") ? accuracy : 0.33, 1));
    }

    @Test
    void aNetworkWithoutHiddenLayersFarBehindTheReferenceIsTooShallow() throws Exception {
        FakeTrialRunner trials = referenceReaches(0.9);
        Finding f = single(run(new CapacityCheck(), afterRun(config("model.layers=[]"), 0.34, trials)), "too-shallow",
                Severity.WARNING);
        assertEquals(0.56, f.evidence().measured(), 1e-9, "reference minus the user's balanced accuracy");
        assertTrue(trials.requests().get(0).config().name().endsWith("-reference"));
        assertTrue(f.fix().set().get("model.layers") instanceof List<?> layers && !layers.isEmpty(),
                "the fix is the reference's layers");
    }

    @Test
    void aReferenceNotYetAheadAfterTheShortTrialGetsTheUsersEpochs() throws Exception {
        // The real textures without hidden layers: the user's 12 epochs reach 0.40; the reference is 0.52 after its
        // short trial and 0.68 after 7 epochs.
        FakeTrialRunner trials = new FakeTrialRunner().training(r -> new Outcome(!r.config().name().endsWith("-reference")
                ? 0.33 : r.config().training().epochs() > 6 ? 0.68 : 0.52, 1));
        EpochMetrics m = FakeTrialRunner.epoch(BALANCED.classes(), new Outcome(0.40, 1.0));
        List<EpochMetrics> twelve = java.util.Collections.nCopies(12, m);
        TrainingResult user = new TrainingResult(RunStatus.COMPLETED, twelve, CollapseVerdict.of(twelve), null, null,
                List.of(), List.of(), 1);
        ExperimentConfig shallow = config("model.layers=[]");
        DiagnosticContext ctx = DiagnosticContext.builder(shallow, BALANCED).trials(trials).trainingResult(user).build();
        Finding f = single(run(new CapacityCheck(), ctx), "too-shallow", Severity.WARNING);
        assertEquals(0.28, f.evidence().measured(), 1e-9, "the equal-epochs reference minus the user's run");
        List<Integer> epochs = trials.requests().stream().map(r -> r.config().training().epochs()).toList();
        assertEquals(List.of(trials.budget().trialEpochs() + 2, 12), epochs, "the short trial, then the user's 12 epochs");
        // No longer than the user's run: with 5 epochs of its own, the short trial (6 epochs) is all it gets.
        FakeTrialRunner again = new FakeTrialRunner().training(r -> new Outcome(!r.config().name().endsWith("-reference")
                ? 0.33 : r.config().training().epochs() > 6 ? 0.68 : 0.52, 1));
        List<EpochMetrics> five = java.util.Collections.nCopies(5, m);
        assertTrue(run(new CapacityCheck(), DiagnosticContext.builder(shallow, BALANCED).trials(again).trainingResult(
                new TrainingResult(RunStatus.COMPLETED, five, CollapseVerdict.of(five), null, null, List.of(), List.of(),
                        1)).build()).isEmpty());
        assertEquals(1, again.requests().size());
    }

    @Test
    void aVeryDeepNetworkFarBehindTheReferenceIsTooDeep() throws Exception {
        StringBuilder layers = new StringBuilder("model.layers=[");
        for (int i = 0; i < CapacityCheck.DEEP; i++) {
            layers.append(i == 0 ? "" : ",").append("{\"type\":\"dense\",\"units\":8,\"activation\":\"sigmoid\"}");
        }
        ExperimentConfig deep = config(layers.append(']').toString());
        single(run(new CapacityCheck(), afterRun(deep, 0.34, referenceReaches(0.9))), "too-deep", Severity.WARNING);
    }

    @Test
    void capacityIsNotBlamedWhenTheDepthIsOrdinaryOrTheReferenceIsNoBetter() throws Exception {
        FakeTrialRunner trials = referenceReaches(0.9);
        String ordinary = new CapacityCheck().notApplicable(afterRun(config(), 0.34, trials));
        assertTrue(ordinary != null && ordinary.contains("hidden layers"),
                "an ordinary depth is not applicable, not a pass that trained nothing: " + ordinary);
        assertTrue(trials.requests().isEmpty(), "no reference trial for an ordinary depth");
        assertTrue(run(new CapacityCheck(), afterRun(config("model.layers=[]"), 0.34,
                referenceReaches(0.34 + CapacityCheck.BEHIND - 0.01))).isEmpty(), "the reference is not far enough ahead");
        assertTrue(new CapacityCheck().readsTrainingRun(), "without a run the session marks it waiting");
    }
}
