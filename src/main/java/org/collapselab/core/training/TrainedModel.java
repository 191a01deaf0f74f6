package org.collapselab.core.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ExperimentConfig;

/**
 * A trained classifier, independent of the graph API behind it. Not thread-safe: use from one thread at a time.
 */
public interface TrainedModel {
    ExperimentConfig config();

    List<String> classes();

    /** The training-time input transform, saved with the model. */
    Normalizer normalizer();

    /** Pixel statistics of the training inputs, to compare with later inputs; null for old models. */
    org.collapselab.core.data.InputFingerprint trainingFingerprint();

    /** Class probabilities, one row per image of the view. */
    float[][] predictProbabilities(DataView view);

    /** Most probable class per image. */
    default int[] predict(DataView view) {
        float[][] probabilities = predictProbabilities(view);
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    /** Mean loss on the view, as the training objective measures it. */
    double loss(DataView view);

    long parameterCount();

    /** Writes the network, its normalizer and its config to one zip. */
    void save(Path zip) throws IOException;
}
