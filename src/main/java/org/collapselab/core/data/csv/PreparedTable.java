package org.collapselab.core.data.csv;

import org.collapselab.core.data.Split;
import org.collapselab.core.model.Normalization;

/**
 * A loaded table made ready to train on, in the one order that keeps validation rows out of every fitted value:
 * split first, then fill empty cells with training means (when the policy is {@code mean}), then fit the
 * standardizer on the training rows. Immutable.
 *
 * @param data         the rows with empty cells filled (unchanged for {@code drop}, which left none); not standardized
 * @param split        the seeded stratified split over {@code data}'s rows
 * @param standardizer fitted on {@code split.train()} only; apply it to build batches
 */
public record PreparedTable(TableDataset data, Split split, TableStandardizer standardizer) {

    public static PreparedTable of(TableDataset loaded, double validationFraction, long seed) {
        return of(loaded, loaded.split(validationFraction, seed));
    }

    /** The rows prepared for a given split (one fold of a k-fold run): imputed and standardized on its training rows. */
    public static PreparedTable of(TableDataset loaded, Split split) {
        TableDataset filled = loaded.hasMissingValues() ? loaded.withTrainingMeanImputed(split.train()) : loaded;
        return new PreparedTable(filled, split, TableStandardizer.fit(filled, split.train()));
    }

    /** Every row standardized with the training-split fit. */
    public TableDataset standardized() {
        return data.standardized(standardizer);
    }

    /** What the network sees: the standardized rows, or the rows as loaded (empty cells filled) without normalization. */
    public TableDataset networkInput(Normalization normalization) {
        return normalization == Normalization.NONE ? data : standardized();
    }
}
