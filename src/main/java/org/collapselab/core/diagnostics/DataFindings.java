package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Findings about the data alone, before any training: the catalogue's data checks
 * (unreadable files, imbalance, tiny classes, shortcut features, normalization).
 */
public final class DataFindings {
    private DataFindings() {
    }

    public static List<Finding> of(ImageDataset data, ExperimentConfig config) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.dataChecks(), DiagnosticContext.builder(config, data).build());
    }
}
