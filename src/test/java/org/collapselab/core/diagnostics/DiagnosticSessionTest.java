package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.diagnostics.checks.CapacityCheck;
import org.collapselab.core.diagnostics.checks.CollapsedPredictionsCheck;
import org.collapselab.core.diagnostics.checks.LossDynamicsCheck;
import org.collapselab.core.diagnostics.checks.MonitoredRunCheck;
import org.collapselab.core.diagnostics.checks.OverfittingCheck;
import org.collapselab.core.diagnostics.checks.StillImprovingCheck;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.FakeTrialRunner;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Test;

/**
 * The states of the session's steps (issue 22, point 3): a step that judges the training run waits while there is
 * none, one that cannot judge the facts says why, neither is ever passed, and every step on the run names it.
 */
class DiagnosticSessionTest {
    private static final ConfusionMatrix FAIR = new ConfusionMatrix(List.of("a", "b"), new int[][]{{8, 2}, {3, 7}});

    private static List<DiagnosticCheck> trainingSteps() {
        return List.of(new MonitoredRunCheck(), new CollapsedPredictionsCheck(), new LossDynamicsCheck(),
                new StillImprovingCheck(), new OverfittingCheck(), new CapacityCheck());
    }

    /** A completed run of {@code epochs} epochs, 20 iterations each, with a slowly falling loss. */
    private static TrainingResult run(int epochs) {
        List<EpochMetrics> metrics = new ArrayList<>();
        List<IterationSample> losses = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            metrics.add(new EpochMetrics(e, 0.6, 0.6, 0.75, 0.75, 0.75, 0.75, 0.55, 0.5, 1, FAIR));
            for (int i = 0; i < 20; i++) {
                losses.add(new IterationSample((e - 1) * 20 + i + 1, e, 0.6, 1e-3));
            }
        }
        return new TrainingResult(RunStatus.COMPLETED, metrics, CollapseVerdict.of(metrics), null, null, losses,
                List.of(), 1);
    }

    private static DiagnosticContext.Builder context() throws Exception {
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("training.epochs=2"));
        return DiagnosticContext.builder(config, InMemoryData.bars(8, 1, 1, 20, 20)).trials(new FakeTrialRunner());
    }

    private static StepResult result(DiagnosticSession session, String id) {
        for (int i = 0; i < session.size(); i++) {
            if (session.checks().get(i).id().equals(id)) {
                return session.result(i);
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void withoutATrainingRunTheStepsThatJudgeOneWaitAndNonePasses() throws Exception {
        DiagnosticSession session = new DiagnosticSession(trainingSteps().subList(1, 6), context().build());
        session.runAll(CancellationToken.none());
        for (int i = 0; i < session.size(); i++) {
            StepResult r = session.result(i);
            assertEquals(CheckState.WAITING, r.state(), session.checks().get(i).id());
            assertTrue(r.note().startsWith("waiting for a training run"), r.note());
            assertNull(r.run());
        }
    }

    @Test
    void aStepThatCannotJudgeTheRunIsNotApplicableNotPassed() throws Exception {
        DiagnosticSession session = new DiagnosticSession(trainingSteps(),
                context().trainingRun(run(2), "2026-12-03-short").build());
        session.runAll(CancellationToken.none());

        StepResult overfitting = result(session, "overfitting");
        assertEquals(CheckState.NOT_APPLICABLE, overfitting.state(), "two epochs show no trend of the validation loss");
        assertTrue(overfitting.note().contains("at least 3 epochs"), overfitting.note());
        StepResult depth = result(session, "capacity");
        assertEquals(CheckState.NOT_APPLICABLE, depth.state(), "the default network's depth needs no comparison");
        assertTrue(depth.note().contains("hidden layers"), depth.note());
        for (int i = 0; i < session.size(); i++) {
            assertNotEquals(CheckState.PENDING, session.result(i).state());
        }
    }

    @Test
    void everyStepOnTheTrainingRunNamesTheRunItExamined() throws Exception {
        DiagnosticSession session = new DiagnosticSession(trainingSteps(),
                context().trainingRun(run(4), "2026-12-03-first").build());
        session.runAll(CancellationToken.none());

        for (int i = 0; i < session.size(); i++) {
            assertEquals("2026-12-03-first", session.result(i).run(), session.checks().get(i).id());
        }
        assertEquals(CheckState.PASSED, result(session, "monitored-run").state(), "adopted the finished run, trained nothing");
        assertTrue(new MonitoredRunCheck().quick(session.context()), "so the quick checks may run it");
    }

    @Test
    void aNewerRunOfTheSameConfigReplacesTheOneTheStepsJudged() throws Exception {
        DiagnosticSession session = new DiagnosticSession(trainingSteps(),
                context().trainingRun(run(4), "2026-12-03-first").build());
        session.runAll(CancellationToken.none());

        session.useTrainingRun(run(2), "2026-12-03-latest");
        for (int i = 0; i < session.size(); i++) {
            assertEquals(CheckState.PENDING, session.result(i).state(), "judged the old run: " + session.checks().get(i).id());
        }
        session.moveTo(0);
        session.runAll(CancellationToken.none());
        assertEquals("2026-12-03-latest", result(session, "collapsed-predictions").run());
        assertEquals(CheckState.NOT_APPLICABLE, result(session, "overfitting").state(), "the latest run has 2 epochs");
    }
}
