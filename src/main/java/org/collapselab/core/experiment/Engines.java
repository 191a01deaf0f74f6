package org.collapselab.core.experiment;

import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.training.samediff.SameDiffTrainedModel;
import org.collapselab.core.training.samediff.SameDiffTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the training engine. By default SameDiff (NHWC; oneDNN on AVX2 CPUs, CUDA on GPU builds) for every config it
 * can build, and MultiLayerNetwork for the rest (batch normalisation), saying so in the log and in the run's
 * {@link BackendInfo#engine()}. The system property {@value #PROPERTY} ({@code auto|samediff|multilayer}) or the
 * CLI's {@code --engine} forces one. Models load with the engine that wrote them, recognised from the zip's entries.
 */
public final class Engines {
    public static final String PROPERTY = "collapselab.engine";
    public static final String AUTO = "auto";
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private Engines() {
    }

    /** The engine chosen by {@value #PROPERTY} (default auto). */
    public static TrainingEngine defaultEngine() {
        return named(System.getProperty(PROPERTY, AUTO));
    }

    /**
     * @param name auto (SameDiff where it supports the config), samediff (the same, as nothing else is forced), or
     *             multilayer
     */
    public static TrainingEngine named(String name) {
        String key = name == null ? AUTO : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case AUTO, SameDiffTrainingEngine.NAME -> new Selecting();
            case Dl4jTrainingEngine.NAME, "dl4j", "mln" -> new Dl4jTrainingEngine();
            default -> throw new IllegalArgumentException("unknown engine '" + name + "', expected auto, "
                    + SameDiffTrainingEngine.NAME + " or " + Dl4jTrainingEngine.NAME);
        };
    }

    /** The engine the default selection uses for this config. */
    public static TrainingEngine forConfig(ExperimentConfig config) {
        String reason = SameDiffTrainingEngine.unsupportedReason(config.model());
        if (reason == null) {
            return new SameDiffTrainingEngine();
        }
        return new Dl4jTrainingEngine(Dl4jTrainingEngine.NAME + " (" + reason + ")");
    }

    /** Loads a model zip with the engine that wrote it. */
    public static TrainedModel load(Path zip) throws IOException {
        if (java.nio.file.Files.isRegularFile(zip) && SameDiffTrainedModel.isSameDiffModel(zip)) {
            return SameDiffTrainingEngine.loadModel(zip);
        }
        return new Dl4jTrainingEngine().load(zip);
    }

    /** SameDiff where it can, MultiLayerNetwork where it cannot, decided per request. */
    private static final class Selecting implements TrainingEngine {
        @Override
        public BackendInfo backend() {
            return new SameDiffTrainingEngine().backend();
        }

        @Override
        public TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel) {
            TrainingEngine engine = forConfig(request.config());
            if (!(engine instanceof SameDiffTrainingEngine)) {
                LOG.info("training with MultiLayerNetwork: {}",
                        SameDiffTrainingEngine.unsupportedReason(request.config().model()));
            }
            return engine.train(request, observer, cancel);
        }

        @Override
        public TrainedModel load(Path zip) throws IOException {
            return Engines.load(zip);
        }
    }
}
