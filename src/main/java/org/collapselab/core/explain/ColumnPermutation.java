package org.collapselab.core.explain;

import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;

/**
 * Does a model trained on CSV rows rely on one column? The counterfactual for tables: shuffle that column's values
 * among the validation rows (its one-hot features move together), so it keeps its values and spread but says nothing
 * about the row it sits in, and measure the model's balanced accuracy before and after (permutation importance,
 * Breiman 2001, "Random forests", §10; Fisher, Rudin and Dominici 2019, "All models are wrong, but many are useful").
 * A model that reads the other columns keeps its accuracy; one that learned the column falls towards chance or
 * answers one class. Inference only, {@value #REPEATS} seeded shuffles averaged. Blocking; call from a worker thread.
 */
public final class ColumnPermutation {
    /** Shuffles averaged, so one lucky shuffle of a few rare-class rows does not decide. */
    public static final int REPEATS = 3;

    private ColumnPermutation() {
    }

    /**
     * The model on the validation rows as they are, and the mean over {@value #REPEATS} shuffles of {@code column}.
     *
     * @param data       the rows as the model takes them (empty cells filled; not standardized: the model does that)
     * @param validation the validation rows of {@code data}
     */
    public static ShortcutCounterfactuals.Result test(TrainedModel model, TableDataset data, int[] validation,
                                                      String column, long seed, CancellationToken cancel) {
        List<Integer> features = data.featuresByColumn().get(column);
        if (features == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + data.source());
        }
        int[] labels = java.util.Arrays.stream(validation).map(data::label).toArray();
        ShortcutCounterfactuals.Measurement original = measure("original rows", model, data, validation, labels);
        double balanced = 0;
        double share = 0;
        int done = 0;
        for (int r = 0; r < REPEATS && !cancel.isCancelled(); r++) {
            ShortcutCounterfactuals.Measurement m = measure("", model,
                    data.withColumnPermuted(features, validation, seed + r), validation, labels);
            balanced += m.balancedAccuracy();
            share += m.largestPredictedShare();
            done++;
        }
        ShortcutCounterfactuals.Measurement permuted = done == 0 ? original
                : new ShortcutCounterfactuals.Measurement("'" + column + "' shuffled among the rows", balanced / done,
                share / done);
        return new ShortcutCounterfactuals.Result(original, List.of(permuted), validation.length);
    }

    private static ShortcutCounterfactuals.Measurement measure(String name, TrainedModel model, TableDataset data,
                                                               int[] rows, int[] labels) {
        int[] predicted = model.predict(new DataView(data, rows));
        return new ShortcutCounterfactuals.Measurement(name,
                ShortcutCounterfactuals.balancedAccuracy(labels, predicted, data.classCount()),
                ShortcutCounterfactuals.largestShare(predicted, data.classCount()));
    }
}
