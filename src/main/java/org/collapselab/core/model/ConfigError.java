package org.collapselab.core.model;

/**
 * One rejected config field: its dotted path (e.g. {@code model.layers[2].kernel}, 0-based as in the JSON file)
 * and why. Users read it through {@link #toString()}, which counts layers from 1 as the Model screen does.
 */
public record ConfigError(String path, String reason) {
    /** "layer 3, kernel (model.layers[2].kernel): must be …"; other fields read "training.l2: must be …". */
    @Override
    public String toString() {
        return ConfigPaths.forUser(path) + ": " + reason;
    }
}
