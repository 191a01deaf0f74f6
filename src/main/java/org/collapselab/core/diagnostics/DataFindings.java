package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Findings about the data alone, before any training: the catalogue's data checks
 * (unreadable files or rows, imbalance, tiny classes, shortcut features or leaking columns, constant columns,
 * duplicate rows, normalization and feature scales).
 */
public final class DataFindings {
    private DataFindings() {
    }

    public static List<Finding> of(ImageDataset data, ExperimentConfig config) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.dataChecks(), DiagnosticContext.builder(config, data).build());
    }

    /** The data checks on the rows of a CSV file (split and imputed as training does it). */
    public static List<Finding> of(org.collapselab.core.data.csv.TableDataset data, ExperimentConfig config) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.dataChecks(),
                DiagnosticContext.forTable(config, data).build());
    }
}
