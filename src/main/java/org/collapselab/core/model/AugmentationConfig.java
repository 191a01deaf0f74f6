package org.collapselab.core.model;

/** Random transformations applied to training batches only. */
public record AugmentationConfig(boolean flip, double rotationDegrees, double shift, double zoom) {
    public static final AugmentationConfig NONE = new AugmentationConfig(false, 0, 0, 0);

    public boolean isActive() {
        return flip || rotationDegrees > 0 || shift > 0 || zoom > 0;
    }
}
