package org.collapselab.core.training;

import java.util.List;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.csv.TableKind;

/**
 * A {@link TrainedModel} trained on CSV rows: the columns it takes and the statistics of its training rows, so rows of
 * another file can be aligned to it and compared with what it was trained on. Engine-neutral, for the front ends.
 */
public interface TableModel extends TrainedModel {
    TableKind kind();

    int channels();

    /** The features the network takes, in order ({@code column=level} for one-hot ones). */
    List<String> featureNames();

    /** The source column of each feature. */
    List<String> featureColumns();

    /** Per-feature (per-channel for series) statistics of the training rows as read, before standardization. */
    TableFingerprint tableFingerprint();
}
