package org.collapselab.core.model;

/** One rejected config field: its dotted path (e.g. {@code model.layers[2].kernel}) and why. */
public record ConfigError(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
