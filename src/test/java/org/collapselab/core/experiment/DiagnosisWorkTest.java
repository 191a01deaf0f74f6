package org.collapselab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Split;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.diagnostics.StepWork;
import org.collapselab.core.diagnostics.checks.OverfitSmallBatchCheck;
import org.collapselab.core.diagnostics.checks.ZeroedInputCheck;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.Json;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Test;

/**
 * What a diagnosis costs is measured per step (wall and CPU seconds, trials, epochs, images), and a trial whose
 * question is answered stops there. Tiny in-memory bars on the default engine.
 */
class DiagnosisWorkTest {

    @Test
    void aTrialStopsAtTheFirstEpochThatReachesItsTargetAccuracy() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 3, 5, 5, 5);
        DataView all = new DataView(data, Split.all(data.count()).train());
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=40", "training.batchSize=15");
        CachingTrialRunner trials = new CachingTrialRunner(Engines.defaultEngine(), TrialBudget.unlimited());

        TrainingResult full = trials.train(config, all, all, MonitoringOptions.OFF, CancellationToken.none());
        TrainingResult until = trials.trainUntil(config, all, all, MonitoringOptions.OFF, 0.95,
                CancellationToken.none());

        assertEquals(40, full.epochs().size(), "without a target every epoch trains");
        int reached = 0;
        while (full.epochs().get(reached).validationAccuracy() < 0.95) {
            reached++;
        }
        assertTrue(reached + 1 < 40, "the tiny batch is memorised before step 40: " + full.epochs());
        assertEquals(reached + 1, until.epochs().size(), "stops at the first epoch at the target: " + until.message());
        assertTrue(until.lastEpoch().validationAccuracy() >= 0.95);
        assertTrue(until.message().contains("target"), until.message());
        assertTrue(Double.isNaN(full.lastEpoch().trainAccuracy()), "a trial skips the training-sample pass");
        assertEquals(2, trials.counts().trials(), "two different requests: neither answered from the cache");
        assertEquals(40 + reached + 1, trials.counts().epochs());
    }

    @Test
    void everyActiveStepReportsWhatItCostAndDiagnoseJsonKeepsIt() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 12, 12, 12);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=3");
        CachingTrialRunner trials = new CachingTrialRunner(Engines.defaultEngine(), TrialBudget.of(0, 2, 300));
        DiagnosticContext ctx = DiagnosticContext.builder(config, data).trials(trials).build();
        DiagnosticSession session = new DiagnosticSession(List.of(new OverfitSmallBatchCheck(), new ZeroedInputCheck()),
                ctx);

        session.runAll(CancellationToken.none());

        long trialsSeen = 0;
        for (int i = 0; i < session.size(); i++) {
            StepResult result = session.result(i);
            assertTrue(result.state() == CheckState.PASSED || result.state() == CheckState.FOUND, result.toString());
            StepWork work = result.work();
            assertNotNull(work, "step " + i + " says what it cost");
            assertTrue(work.cpuSeconds() > 0, "CPU time measured: " + work);
            assertTrue(work.counts().trials() >= 1 && work.counts().epochs() >= 1 && work.counts().images() > 0,
                    work.describe());
            trialsSeen += work.counts().trials();
        }
        assertEquals(trials.counts().trials(), trialsSeen, "each trial is counted in the step that ran it");
        assertEquals(3, trialsSeen, "overfit batch, then the user's baseline and the blank-image trial");

        String json = Json.MAPPER.writeValueAsString(StepsReport.of(session));
        assertTrue(json.contains("\"cpuSeconds\"") && json.contains("\"epochs\""), json);
        StepsReport back = Json.MAPPER.readValue(json, StepsReport.class);
        assertEquals(session.result(1).work().counts(), back.steps().get(1).work().counts());
    }
}
