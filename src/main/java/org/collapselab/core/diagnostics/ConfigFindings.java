package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Findings about the config alone: the catalogue's config checks, run without
 * images. Pure and fast; the GUI calls it while the user edits.
 */
public final class ConfigFindings {
    private ConfigFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, int classCount) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.configChecks(),
                DiagnosticContext.withoutData(config, classCount).build());
    }
}
