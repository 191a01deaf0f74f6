package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;

/**
 * A finished model keeps no inference sessions: each one caches arrays (up to a quarter of JavaCPP's memory limit)
 * for as long as the model lives, and the app keeps a few finished models (the last run, the diagnosed run).
 */
@Tag("slow")
class SameDiffSessionMemoryTest {

    @Test
    void aFinishedModelAndItsPredictionsLeaveNoCachedSessionArrays() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 1, 24, 24, 24);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=2");
        TrainingViews views = TrainingViews.of(config.data(), data, null);
        TrainingResult result = new SameDiffTrainingEngine().train(new TrainingRequest(config, views.train(),
                views.validation()), TrainingObserver.NONE, CancellationToken.none());
        assertEquals(RunStatus.COMPLETED, result.status(), result.message());
        SameDiffTrainedModel model = (SameDiffTrainedModel) result.model();
        System.out.printf("after training: %d sessions, %d bytes cached%n", sessions(model), cachedBytes(model));
        assertEquals(0, sessions(model), "sessions left after training");

        model.predictProbabilities(views.validation());
        model.loss(views.validation());
        System.out.printf("after predicting: %d sessions, %d bytes cached%n", sessions(model), cachedBytes(model));
        assertEquals(0, sessions(model), "sessions left after predicting");
    }

    private static int sessions(SameDiffTrainedModel model) {
        return model.graph().sd.getSessions().size();
    }

    private static long cachedBytes(SameDiffTrainedModel model) {
        long bytes = 0;
        for (InferenceSession session : model.graph().sd.getSessions().values()) {
            if (session.getMmgr() instanceof ArrayCacheMemoryMgr cache) {
                bytes += cache.getCurrentCacheSize();
            }
        }
        return bytes;
    }
}
