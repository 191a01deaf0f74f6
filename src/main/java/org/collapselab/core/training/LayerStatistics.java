package org.collapselab.core.training;

import java.util.List;

/** The {@link LayerSample}s of every layer at one sampled iteration. */
public record LayerStatistics(long iteration, int epoch, List<LayerSample> layers) {
    public LayerStatistics {
        layers = List.copyOf(layers);
    }
}
