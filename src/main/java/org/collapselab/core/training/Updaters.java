package org.collapselab.core.training;

import org.collapselab.core.model.TrainingConfig;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The ND4J updater for a config's optimizer and learning rate; both engines train with it. */
public final class Updaters {
    /** Momentum of the Nesterov optimizer (DL4J's default). */
    public static final double NESTEROV_MOMENTUM = 0.9;

    private Updaters() {
    }

    public static IUpdater of(TrainingConfig training) {
        double lr = training.learningRate();
        return switch (training.optimizer()) {
            case ADAM -> new Adam(lr);
            case SGD -> new Sgd(lr);
            case NESTEROVS -> new Nesterovs(lr, NESTEROV_MOMENTUM);
            case RMSPROP -> new RmsProp(lr);
        };
    }
}
