package org.collapselab.ui.data;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.csv.PreparedTable;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableStatistics;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;

/**
 * A loaded CSV file with everything the Data screen draws of it, computed by the core on the loading executor so
 * the FX thread only lays it out. Immutable.
 *
 * @param config   the config the file was read with (kind and label column), which the app then uses
 * @param how      how the kind was decided, in words ("read as sequence: 128 numbered columns …")
 * @param guessed  the kind when it was guessed from the header, else null (the config or the user chose it)
 * @param prepared the split, training-mean imputation and training-split standardizer training uses
 * @param seen     what the network sees: every row after imputation and normalization, as training feeds it
 * @param examples example series per class as loaded (sequences only; empty for tabular data)
 * @param seenExamples the same rows as {@code examples}, from {@code seen}
 */
public record LoadedTable(Path file, TableDataset data, ExperimentConfig config, String how, DataKind guessed,
                          TableStatistics statistics, PreparedTable prepared, TableDataset seen,
                          List<TableStatistics.ExampleSeries> examples,
                          List<TableStatistics.ExampleSeries> seenExamples) {
    /** Series per class on the example charts: enough to see the shape of a class, few enough to tell them apart. */
    static final int EXAMPLES_PER_CLASS = 4;

    /** Blocking: splits, fits and measures {@code data}; call from a worker thread. */
    static LoadedTable of(Path file, TableDataset data, ExperimentConfig config, String how, DataKind guessed) {
        PreparedTable prepared = TableExperiment.prepare(data, config);
        TableDataset seen = prepared.networkInput(config.data().normalization());
        boolean series = data.kind() == TableKind.SEQUENCE;
        return new LoadedTable(file, data, config, how, guessed, TableStatistics.of(data), prepared, seen,
                series ? TableStatistics.exampleSeries(data, EXAMPLES_PER_CLASS) : List.of(),
                series ? TableStatistics.exampleSeries(seen, EXAMPLES_PER_CLASS) : List.of());
    }

    /** The same file as the network would see it under {@code changed} (a new normalization or split); blocking. */
    LoadedTable withConfig(ExperimentConfig changed) {
        return of(file, data, changed, how, guessed);
    }
}
