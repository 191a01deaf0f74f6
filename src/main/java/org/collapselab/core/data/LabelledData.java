package org.collapselab.core.data;

import java.util.List;

/**
 * What the class checks and the trial experiments need of a dataset, whatever its kind: images decoded from a folder
 * ({@link ImageDataset}) or rows of a CSV file ({@code csv.TableDataset}). A {@link DataView} selects samples of one.
 * Implementations are immutable.
 */
public interface LabelledData {
    List<String> classes();

    default int classCount() {
        return classes().size();
    }

    /** Number of samples (images or rows). */
    int count();

    int label(int index);

    /** A copy of the class index of every sample. */
    int[] labels();

    /** Samples per class, indexed like {@link #classes()}. */
    int[] classCounts();

    /** Inputs the loader skipped (unreadable files, unparseable rows). */
    int skippedCount();

    /** The same inputs with other labels (the label-shuffle test). */
    LabelledData withLabels(int[] labels);

    /** The same samples with every input value zero (the input-independent baseline). */
    LabelledData zeroed();
}
