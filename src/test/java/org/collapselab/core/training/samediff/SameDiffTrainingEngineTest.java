package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Split;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.Backends;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.NativeRuntime;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SameDiff engine against the contract the MultiLayerNetwork engine meets, on tiny generated bars. */
@Tag("slow")
class SameDiffTrainingEngineTest {
    private final SameDiffTrainingEngine engine = new SameDiffTrainingEngine();

    private static TrainingRequest request(ExperimentConfig config, ImageDataset data) {
        TrainingViews views = TrainingViews.of(config.data(), data, null);
        return new TrainingRequest(config, views.train(), views.validation());
    }

    @Test
    void sameSeedGivesTheSameStepsWithAugmentationDropoutAndBatchesBuiltAhead() throws Exception {
        // Batches (with random augmentation) are built one step ahead on another thread and dropout draws a
        // mask per step; with one seed, two runs must still match step for step.
        ImageDataset data = InMemoryData.bars(16, 1, 1, 24, 24, 24);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=3", "data.augmentation.flip=true",
                "data.augmentation.shift=0.1", "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,"
                        + "\"activation\":\"relu\"},{\"type\":\"pool\",\"size\":2},{\"type\":\"dropout\",\"rate\":0.2},"
                        + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]");
        TrainingResult first = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        TrainingResult second = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        assertEquals(RunStatus.COMPLETED, first.status(), first.message());
        assertEquals(first.iterations().size(), second.iterations().size());
        assertTrue(first.iterations().size() >= 9, "several steps per epoch");
        for (int i = 0; i < first.iterations().size(); i++) {
            assertEquals(first.iterations().get(i).loss(), second.iterations().get(i).loss(), 1e-6, "step " + i);
        }
    }

    @Test
    void learnsBarsAsWellAsMultiLayerNetwork() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 1, 40, 40, 40);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny();
        TrainingResult sameDiff = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        TrainingResult multiLayer = new Dl4jTrainingEngine().train(request(config, data), TrainingObserver.NONE,
                CancellationToken.none());
        double sd = sameDiff.lastEpoch().validationAccuracy();
        double mln = multiLayer.lastEpoch().validationAccuracy();
        System.out.printf("bars 16×16, 8 epochs: SameDiff %.3f (%.1f s), MultiLayerNetwork %.3f (%.1f s)%n", sd,
                sameDiff.seconds(), mln, multiLayer.seconds());
        assertEquals(RunStatus.COMPLETED, sameDiff.status(), sameDiff.message());
        assertTrue(sd >= 0.9, "SameDiff validation accuracy " + sd);
        assertTrue(sd >= mln - 0.05, "SameDiff " + sd + " vs MultiLayerNetwork " + mln);
        assertFalse(sameDiff.collapse().collapsed());
        assertEquals(sameDiff.epochs().size(), 8);
        assertTrue(sameDiff.iterations().stream().allMatch(i -> i.loss() > 0 && Double.isFinite(i.loss())),
                "per-iteration losses are real: " + sameDiff.iterations().subList(0, 3));
        assertFalse(sameDiff.layerHistory().isEmpty(), "layer statistics were sampled");
        LayerSample conv = sameDiff.layerHistory().get(0).layers().get(0);
        assertTrue(Double.isFinite(conv.updateRatio()) && conv.updateRatio() > 0, "update ratio " + conv);
        assertTrue(Double.isFinite(conv.gradientNorm()) && conv.gradientNorm() > 0, "gradient norm " + conv);
        assertTrue(conv.deadFraction() >= 0 && conv.deadFraction() <= 1, "dead fraction " + conv);
        assertEquals(multiLayer.layerHistory().get(0).layers().size(), sameDiff.layerHistory().get(0).layers().size());
    }

    @Test
    void hugeLearningRateIsReportedAsCollapsedOrDiverged() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 2, 30, 30, 30);
        TrainingResult result = engine.train(request(Dl4jTrainingEngineTest.tiny("training.learningRate=5",
                "training.epochs=3"), data), TrainingObserver.NONE, CancellationToken.none());
        assertTrue(result.status() == RunStatus.DIVERGED || result.collapse().collapsed(),
                "status " + result.status() + ", collapse " + result.collapse());
    }

    @Test
    void nanLossStopsAsDivergedWithTheLastGoodModel() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 9, 30, 30, 30);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("data.normalization=none", "training.optimizer=sgd",
                "training.learningRate=10", "training.epochs=20", "model.outputActivation=identity", "model.loss=mse",
                "model.layers=[{\"type\":\"dense\",\"units\":64,\"activation\":\"identity\"}]");
        TrainingResult result = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        assertEquals(RunStatus.DIVERGED, result.status(), result.message());
        if (!result.epochs().isEmpty()) {
            for (float[] row : result.model().predictProbabilities(new DataView(data, Split.all(data.count()).train()))) {
                for (float p : row) {
                    assertTrue(Float.isFinite(p), "the kept model outputs finite values");
                }
            }
        }
    }

    @Test
    void cancelStopsWithinASecond() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 3, 200, 200, 200);
        CancellationToken cancel = new CancellationToken();
        AtomicLong cancelledAt = new AtomicLong();
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onIteration(IterationSample sample) {
                if (sample.iteration() == 5) {
                    cancelledAt.set(System.nanoTime());
                    cancel.cancel();
                }
            }
        };
        TrainingResult result = engine.train(request(Dl4jTrainingEngineTest.tiny("training.epochs=50"), data), observer,
                cancel);
        double latency = (System.nanoTime() - cancelledAt.get()) / 1e9;
        assertEquals(RunStatus.STOPPED, result.status(), result.message());
        assertTrue(latency < 1.0, "stopped " + latency + " s after the cancel");
        assertEquals(5, result.iterations().size());
    }

    @Test
    void savedModelLoadsWithTheSameProbabilities(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 4, 20, 20);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("training.epochs=2", "data.balance=class-weights",
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dropout\",\"rate\":0.5},"
                        + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]");
        TrainingResult result = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        DataView all = new DataView(data, Split.all(data.count()).train());
        float[][] before = result.model().predictProbabilities(all);
        float[][] again = result.model().predictProbabilities(all);
        Path zip = dir.resolve("model.zip");
        result.model().save(zip);
        TrainedModel loaded = Engines.load(zip);
        assertInstanceOf(SameDiffTrainedModel.class, loaded);
        float[][] after = loaded.predictProbabilities(all);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], again[i], "inference is deterministic (no dropout at inference)");
            assertArrayEquals(before[i], after[i], "image " + i);
        }
        assertEquals(result.model().parameterCount(), loaded.parameterCount());
        assertEquals(result.model().classes(), loaded.classes());
        assertEquals(result.model().loss(all), loaded.loss(all), 1e-6);
    }

    @Test
    void batchNormConfigsFallBackToMultiLayerNetwork() throws Exception {
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("model.layers=[{\"type\":\"conv\",\"filters\":4,"
                + "\"kernel\":3,\"activation\":\"relu\"},{\"type\":\"batchnorm\"},{\"type\":\"dense\",\"units\":8,"
                + "\"activation\":\"relu\"}]");
        assertInstanceOf(Dl4jTrainingEngine.class, Engines.forConfig(config));
        assertTrue(Engines.forConfig(config).backend().engine().contains("batchnorm"));
        assertInstanceOf(SameDiffTrainingEngine.class, Engines.forConfig(Dl4jTrainingEngineTest.tiny()));
    }

    @Test
    void oneDnnIsActiveWhereTheCpuHasAvx2() {
        Assumptions.assumeTrue(NativeRuntime.oneDnnRequested(), "no AVX2 here: " + NativeRuntime.configure());
        Assumptions.assumeFalse(Backends.cudaBuild(), "GPU build");
        assertTrue(Backends.oneDnnLoaded(), "HAVE_ONEDNN in the build info");
        assertTrue(engine.backend().oneDnn());
        assertTrue(engine.backend().description().contains("oneDNN"), engine.backend().description());
        // report.json's backend says which oneDNN binary was chosen for this CPU, and why.
        assertTrue(engine.backend().nativeBinary().startsWith("onednn-avx"), engine.backend().nativeBinary());
    }

    @Test
    void initialLossAndLearningRateRangeRunOnTheGraph() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 6, 30, 30, 30);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny();
        DataView all = new DataView(data, Split.all(data.count()).train());
        double initial = SameDiffProbes.initialLoss(config, all, all);
        assertEquals(Math.log(3), initial, 0.5, "untrained softmax loss near ln C");
        var range = SameDiffProbes.learningRateRange(config, all, 1e-5, 10, 40, CancellationToken.none());
        assertTrue(range.losses().length > 10, "steps " + range.losses().length);
        assertEquals(1e-5, range.learningRates()[0], 1e-12);
        assertTrue(Double.isFinite(range.losses()[0]) && range.losses()[0] > 0, "first loss " + range.losses()[0]);
        for (int i = 1; i < range.learningRates().length; i++) {
            assertTrue(range.learningRates()[i] > range.learningRates()[i - 1]);
        }
    }

    /** Every option builds and takes a step; list kept small so it runs in seconds. */
    @Test
    void everyLayerActivationLossInitAndOptimizerTrainsAStep() throws Exception {
        ImageDataset three = InMemoryData.bars(8, 1, 5, 6, 6, 6);
        ImageDataset two = InMemoryData.bars(8, 3, 5, 8, 8);
        String layers = "model.layers=[{\"type\":\"conv\",\"filters\":2,\"kernel\":3,\"stride\":1,\"activation\":\"%s\"},"
                + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dropout\",\"rate\":0.2},"
                + "{\"type\":\"dense\",\"units\":4,\"activation\":\"%s\"}]";
        List<String> activations = List.of("relu", "leakyrelu", "tanh", "sigmoid", "identity", "elu", "selu");
        List<String> outputs = List.of("softmax", "sigmoid", "identity");
        List<String> losses = List.of("mcxent", "nll", "xent", "mse");
        List<String> inits = List.of("xavier", "relu", "zero", "constant", "uniform", "normal", "lecun");
        List<String> optimizers = List.of("adam", "sgd", "nesterovs", "rmsprop");
        int runs = 0;
        for (int i = 0; i < activations.size(); i++) {
            String a = activations.get(i);
            String output = outputs.get(i % outputs.size());
            String loss = losses.get(i % losses.size());
            for (ImageDataset data : List.of(three, two)) {
                ExperimentConfig config = Dl4jTrainingEngineTest.tiny(String.format(layers, a, a),
                        "data.imageSize=8", "data.channels=" + data.channels(), "training.epochs=1",
                        "training.batchSize=8", "training.l2=0.001", "data.balance=class-weights",
                        "model.outputActivation=" + output, "model.loss=" + loss,
                        "model.weightInit=" + inits.get(i % inits.size()),
                        "training.optimizer=" + optimizers.get(i % optimizers.size()));
                check(config, data);
                runs++;
            }
        }
        // The 2-class sigmoid + xent single-output case, with class weights.
        check(Dl4jTrainingEngineTest.tiny(String.format(layers, "relu", "relu"), "data.imageSize=8",
                "data.channels=3", "training.epochs=1", "model.outputActivation=sigmoid", "model.loss=xent",
                "data.balance=class-weights"), two);
        System.out.println("option runs: " + (runs + 1));
    }

    private void check(ExperimentConfig config, ImageDataset data) {
        TrainingResult result = engine.train(request(config, data), TrainingObserver.NONE, CancellationToken.none());
        assertEquals(RunStatus.COMPLETED, result.status(),
                config.model() + " " + config.training() + ": " + result.status() + " " + result.message());
        assertTrue(result.iterations().stream().allMatch(i -> Double.isFinite(i.loss())),
                "every sampled loss is finite: " + config.model() + " " + config.training());
        assertFalse(result.iterations().isEmpty(), config.model().toString());
    }
}
